#!/usr/bin/env python3
"""Cross-check tokenc's tokens.css against Style Dictionary's light.css and dark.css for one
generated set: resolve tokenc's var() chains (dark block first, then :root), normalise colours
and compare every SD declaration by name. The sRGB declarations are compared; tokenc's wide-gamut
re-declarations inside @supports are left out, as SD writes none.
usage: compare.py <sd light.css> <sd dark.css> <tokenc tokens.css>
Prints one JSON line per theme; exits 1 when a value differs by more than 1/255 rounding."""
import json
import re
import sys

from compare_outputs import blocks, norm, resolver


def tokenc_blocks(text):
    """Declarations per selector, outside @supports blocks, first declaration of a name wins."""
    text = re.sub(r'@supports[^{]*\{\s*@media[^{]*\{[^{}]*\{[^{}]*\}\s*\}\s*\}', '', text)
    out = {}
    for m in re.finditer(r'([^{}]+)\{([^{}]*)\}', text):
        sel = m.group(1).strip().split('\n')[-1].strip()
        d = out.setdefault(sel, {})
        for x in re.finditer(r'--([A-Za-z0-9_-]+)\s*:\s*([^;]+);', m.group(2)):
            d.setdefault(x.group(1), x.group(2).strip())
    return out


def canonical(v):
    """lightningcss's shortest forms back to SD's: `#fff` → `#ffffff`, `.5rem` → `0.5rem`."""
    v = re.sub(r'#([0-9a-f])([0-9a-f])([0-9a-f])\b', lambda m: '#' + ''.join(c * 2 for c in m.groups()), norm(v))
    v = re.sub(r'(?<![\d.])\.(\d)', r'0.\1', v)
    v = re.sub(r',\s*', ',', v)
    return v


def near(a, b):
    """Equal but for colours 1/255 apart (rounding), also inside shorthands."""
    def close(x, y):
        hexes = x.startswith('#') and y.startswith('#') and len(x) == len(y) == 7
        return x == y or hexes and max(abs(int(x[i:i + 2], 16) - int(y[i:i + 2], 16)) for i in (1, 3, 5)) <= 1
    xs, ys = re.split(r'[\s,]+', a), re.split(r'[\s,]+', b)
    return len(xs) == len(ys) and all(close(x, y) for x, y in zip(xs, ys))


sd_l = blocks(open(sys.argv[1]).read())[':root']
sd_d = blocks(open(sys.argv[2]).read())['[data-theme="dark"]']
tc = tokenc_blocks(open(sys.argv[3]).read())
root, dark = tc[':where(:root)'], tc.get(':where([data-theme="dark"])', {})
failed = False
for name, sd, res, scope in (('light', sd_l, resolver(root), root),
                             ('dark', sd_d, resolver(dark, root), {**root, **dark})):
    same = rounding = 0
    missing, differ = [], []
    for k, v in sd.items():
        if k not in scope:
            missing.append(k)
            continue
        a, b = canonical(v), canonical(res(scope[k]))
        if a == b:
            same += 1
        elif near(a, b):
            rounding += 1
        else:
            differ.append((k, a, b))
    failed |= bool(missing or differ)
    print(json.dumps({'theme': name, 'compared': len(sd), 'identical': same,
                      'rounding_1_255': rounding, 'missing': len(missing), 'different': len(differ),
                      'examples': (missing[:3] + [list(d) for d in differ[:3]])}))
sys.exit(1 if failed else 0)
