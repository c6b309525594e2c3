// The cascade test: Chromium's view of tokens.css must agree with tokenc's resolver.
//
// For each of the 16 permutations the modifiers are set as attributes on <html>, every custom
// property declared in tokens.css is read with getComputedStyle, and each value is compared,
// after the browser has parsed both (as a colour, a length, a shadow…), with what
// `tokenc resolve` says for that permutation. Then the same for subtrees (an element switching
// theme or contrast inside a page set otherwise) and for the OS-preference media queries.
// Exit code 1 and a list of mismatches when they disagree.
import { launch, parseKey, permutations, tokensCss } from './lib.mjs';

const resolved = permutations();
const keys = Object.keys(resolved);

/** Custom property name → { type, css } for one permutation, typography parts included. */
function expected(tokens) {
  const out = {};
  for (const token of Object.values(tokens)) {
    out[token.name] = { type: token.type, css: token.css };
    for (const [part, css] of Object.entries(token.parts ?? {})) {
      out[`${token.name}-${part}`] = { type: `part:${part}`, css };
    }
  }
  return out;
}

/** Runs in the page: reads `names` on `selector` and normalises actual and expected values. */
function compareInPage({ selector, want }) {
  const probe = document.getElementById('probe');
  const asProperty = {
    color: 'color',
    dimension: 'margin-inline-start',
    duration: 'transition-duration',
    cubicBezier: 'transition-timing-function',
    fontFamily: 'font-family',
    fontWeight: 'font-weight',
    strokeStyle: 'border-top-style',
    border: 'border-top',
    shadow: 'box-shadow',
    transition: 'transition',
    typography: 'font',
    'part:font-family': 'font-family',
    'part:font-size': 'font-size',
    'part:font-weight': 'font-weight',
    'part:letter-spacing': 'letter-spacing',
    'part:line-height': 'line-height',
  };
  // The browser parses the value as the property a component would use it for.
  const normalise = (type, value) => {
    if (type === 'number') {
      const n = Number(value);
      return Number.isFinite(n) ? String(n) : `not a number: ${value}`;
    }
    let property = asProperty[type];
    let text = value;
    if (type === 'gradient') {
      property = 'background-image';
      text = `linear-gradient(${value})`;
    }
    if (!property) return `unknown type ${type}`;
    probe.removeAttribute('style');
    probe.style.setProperty(property, text);
    if (probe.style.getPropertyValue(property) === '') return `invalid ${property}: ${value}`;
    return getComputedStyle(probe).getPropertyValue(property);
  };
  const element = document.querySelector(selector);
  const style = getComputedStyle(element);
  // Every custom property the stylesheet declares, in any block.
  const declared = new Set();
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule.style) {
        for (const name of rule.style) if (name.startsWith('--')) declared.add(name);
      }
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  const problems = [];
  for (const name of declared) {
    if (!(name in want)) problems.push(`${name}: declared in tokens.css, unknown to the resolver`);
  }
  for (const [name, { type, css }] of Object.entries(want)) {
    if (!declared.has(name)) {
      problems.push(`${name}: missing from tokens.css`);
      continue;
    }
    const actual = style.getPropertyValue(name).trim();
    const a = normalise(type, actual);
    const e = normalise(type, css);
    if (a !== e) problems.push(`${name} (${type}): browser ${JSON.stringify(actual)} → ${a}; resolver ${JSON.stringify(css)} → ${e}`);
  }
  return { checked: Object.keys(want).length, problems };
}

const ATTRS = ['theme', 'contrast', 'density', 'motion'];

const browser = await launch();
const page = await browser.newPage();
const failures = [];
let checked = 0;

async function setup(media, html, inner) {
  await page.emulateMedia({
    colorScheme: media.colorScheme ?? 'light',
    reducedMotion: media.reducedMotion ?? 'no-preference',
    contrast: media.contrast ?? 'no-preference',
  });
  const attrs = (o) =>
    Object.entries(o ?? {})
      .map(([k, v]) => ` data-${k}="${v}"`)
      .join('');
  await page.setContent(
    `<!doctype html><html${attrs(html)}><head><style>${tokensCss()}</style></head>` +
      `<body><div id="inner"${attrs(inner)}><span id="probe"></span></div></body></html>`,
  );
}

async function check(label, selector, permutation) {
  const want = expected(resolved[permutation]);
  const { checked: n, problems } = await page.evaluate(compareInPage, { selector, want });
  checked += n;
  if (problems.length) {
    failures.push(`${label} (expected ${permutation}): ${problems.length} mismatches\n  ` + problems.slice(0, 12).join('\n  '));
  }
}

const keyOf = (o) => ATTRS.map((a) => `${a}=${o[a]}`).join(',');
const DEFAULTS = { theme: 'light', contrast: 'normal', density: 'comfortable', motion: 'full' };

// 1. Every permutation, all attributes on <html>.
for (const key of keys) {
  const perm = parseKey(key);
  await setup({}, perm, {});
  await check(`<html ${key}>`, 'html', key);
  // The same values inherited by an element deep inside.
  await check(`child of <html ${key}>`, '#probe', key);
}

// 2. Subtrees: an element switches one modifier inside a page set otherwise.
const subtrees = [
  [{ theme: 'light' }, { theme: 'dark' }],
  [{ theme: 'dark' }, { theme: 'light' }],
  [{ theme: 'dark' }, { contrast: 'more' }],
  [{ contrast: 'more' }, { theme: 'dark' }],
  [{ theme: 'dark', contrast: 'more' }, { theme: 'light' }],
  [{ theme: 'dark', contrast: 'more' }, { contrast: 'normal' }],
  [{ theme: 'light', contrast: 'more' }, { theme: 'dark', contrast: 'normal' }],
  [{ density: 'compact' }, { theme: 'dark' }],
  [{ theme: 'dark' }, { density: 'compact', motion: 'reduced' }],
];
for (const [outer, inner] of subtrees) {
  await setup({}, outer, inner);
  const want = keyOf({ ...DEFAULTS, ...outer, ...inner });
  await check(`<html ${JSON.stringify(outer)}> > <div ${JSON.stringify(inner)}>`, '#inner', want);
}

// 3. No attributes: the OS preferences choose, through the media queries.
const media = [
  [{ colorScheme: 'dark' }, { theme: 'dark' }],
  [{ contrast: 'more' }, { contrast: 'more' }],
  [{ colorScheme: 'dark', contrast: 'more' }, { theme: 'dark', contrast: 'more' }],
  [{ reducedMotion: 'reduce' }, { motion: 'reduced' }],
];
for (const [prefs, perm] of media) {
  await setup(prefs, {}, {});
  await check(`no attributes, OS ${JSON.stringify(prefs)}`, 'html', keyOf({ ...DEFAULTS, ...perm }));
}
// An attribute beats the OS preference for its own modifier and leaves the others to the OS.
const mixed = [
  [{ colorScheme: 'dark' }, { theme: 'light' }, {}, {}],
  [{ colorScheme: 'dark' }, { contrast: 'normal' }, {}, { theme: 'dark' }],
  [{ contrast: 'more' }, { theme: 'dark' }, {}, { theme: 'dark', contrast: 'more' }],
  [{ colorScheme: 'dark', contrast: 'more' }, {}, { theme: 'light' }, { contrast: 'more' }],
  [{ colorScheme: 'dark', reducedMotion: 'reduce' }, { density: 'compact' }, { contrast: 'more' }, { theme: 'dark', contrast: 'more', density: 'compact', motion: 'reduced' }],
];
for (const [prefs, html, inner, perm] of mixed) {
  await setup(prefs, html, inner);
  const label = `OS ${JSON.stringify(prefs)}, <html ${JSON.stringify(html)}> > <div ${JSON.stringify(inner)}>`;
  await check(label, '#inner', keyOf({ ...DEFAULTS, ...perm }));
}

await browser.close();

if (failures.length) {
  console.error(`cascade: ${failures.length} case(s) disagree with tokenc resolve\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log(`cascade: ${keys.length} permutations, ${subtrees.length} subtrees, ${media.length + mixed.length} media cases; ${checked} values agree with tokenc resolve`);
