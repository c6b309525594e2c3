#!/usr/bin/env python3
"""Cross-check the two tools' CSS for one generated set: resolve var() chains, normalise colours
(rgb(% % %), oklch() are left as text unless sRGB percent form) and compare name by name.
usage: compare_outputs.py <sd light.css> <sd dark.css> <tz tokens.css>"""
import re, sys
def blocks(text):
    out = {}
    for m in re.finditer(r'([^{}]+)\{([^{}]*)\}', text):
        sel = m.group(1).strip().split('\n')[-1].strip()
        d = out.setdefault(sel, {})
        for x in re.finditer(r'--([A-Za-z0-9_-]+)\s*:\s*([^;]+);', m.group(2)):
            d[x.group(1)] = x.group(2).strip()
    return out
def resolver(*scopes):
    def look(n):
        for s in scopes:
            if n in s: return s[n]
    def res(v, k=0):
        return v if k > 30 else re.sub(r'var\(--([A-Za-z0-9_-]+)\)', lambda m: res(look(m.group(1)) or m.group(0), k + 1), v)
    return res
def pct_to_hex(m):
    return '#' + ''.join(f'{round(float(p) * 2.55):02x}' for p in m.groups())
def oklch_to_hex(m):
    import math
    L, C, h = float(m.group(1)) / 100, float(m.group(2)), math.radians(float(m.group(3)))
    a, b = C * math.cos(h), C * math.sin(h)
    l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3
    mm = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s_ = (L - 0.0894841775 * a - 1.2914855480 * b) ** 3
    rgb = (4.0767416621 * l - 3.3077115913 * mm + 0.2309699292 * s_,
           -1.2684380046 * l + 2.6097574011 * mm - 0.3413193965 * s_,
           -0.0041960863 * l - 0.7034186147 * mm + 1.7076147010 * s_)
    enc = lambda x: 12.92 * x if x <= 0.0031308 else 1.055 * x ** (1 / 2.4) - 0.055
    return '#' + ''.join(f'{min(255, max(0, round(enc(c) * 255))):02x}' for c in rgb)
def norm(v):
    v = re.sub(r'/\*.*?\*/', '', v).strip().lower()
    v = re.sub(r'rgb\(([\d.]+)% ([\d.]+)% ([\d.]+)%\)', pct_to_hex, v)
    v = re.sub(r'oklch\(([\d.]+)% ([\d.]+) ([\d.]+)\)', oklch_to_hex, v)
    v = v.replace('"', '').replace("'", '')          # font-name quoting differs (SD: only names with spaces)
    return re.sub(r'\s+', ' ', v)
def main():
    sd_l = blocks(open(sys.argv[1]).read())[':root']
    sd_d = blocks(open(sys.argv[2]).read())['[data-theme="dark"]']
    tz = blocks(open(sys.argv[3]).read())
    tz_l, tz_d = tz[':root'], tz['[data-theme="dark"]']
    for name, sd, tzv, res in (('light', sd_l, tz_l, resolver(tz_l)), ('dark', sd_d, tz_d, resolver(tz_d, tz_l))):
        same = diff = 0; kinds = {}; ex = []
        for k, v in sd.items():
            if k not in tzv: kinds['missing in tz'] = kinds.get('missing in tz', 0) + 1; continue
            a, b = norm(v), norm(res(tzv[k]))
            if a == b: same += 1
            else:
                diff += 1
                near = a.startswith('#') and b.startswith('#') and len(a) == len(b) == 7 and max(abs(int(a[i:i+2], 16) - int(b[i:i+2], 16)) for i in (1, 3, 5)) <= 1
                kind = 'colour differs by 1/255 (rounding)' if near else ('typography shorthand' if k.startswith('text-style') else 'other')
                kinds[kind] = kinds.get(kind, 0) + 1
                if len(ex) < 4 and kind == 'other': ex.append((k, a, b))
        print(name, {'compared': same + diff, 'identical': same, 'different': kinds, 'examples': ex})


if __name__ == '__main__':
    main()
