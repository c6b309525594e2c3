// The token swatch page: every colour ramp, every semantic colour with its contrast against the
// surfaces, the size, type, shadow and motion scales, and a few controls built from component
// tokens, all styled by tokens.css itself. Writes target/swatches/index.html and screenshots it
// in light and dark (docs/images/) and in more contrast (target/swatches/): `cargo xtask swatches`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, permutations, root, tokensCss } from './lib.mjs';

const all = permutations();
const base = all['theme=light,contrast=normal,density=comfortable,motion=full'];
const names = Object.keys(base);
const v = (path) => `var(${base[path].name})`;
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

// WCAG 2 contrast of two #rrggbb colours (the swatch labels; tokenc enforces the real rules).
function luminance(hex) {
  const n = parseInt(hex.slice(1, 7), 16);
  const lin = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(((n >> 16) & 255) / 255) + 0.7152 * lin(((n >> 8) & 255) / 255) + 0.0722 * lin((n & 255) / 255);
}
function ratio(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
const hex6 = (css) => {
  if (!css?.startsWith('#')) return null;
  const h = css.slice(1);
  return h.length === 3 || h.length === 4 ? `#${[...h.slice(0, 3)].map((c) => c + c).join('')}` : `#${h.slice(0, 6)}`;
};

const ramps = [...new Set(names.filter((n) => /^color\.[a-z-]+\.\d+$/.test(n)).map((n) => n.split('.')[1]))];
const rampHtml = ramps
  .map((r) => {
    const steps = names.filter((n) => n.startsWith(`color.${r}.`) && /\.\d+$/.test(n));
    const cells = steps
      .map((n) => {
        const step = n.split('.')[2];
        const dark = r.endsWith('alpha') ? Number(step) > 30 === r.startsWith('black') : Number(step) >= 500;
        return `<div class="cell" style="background:${v(n)};color:${dark ? '#fff' : '#000'}"><b>${step}</b><span>${esc(base[n].css)}</span></div>`;
      })
      .join('');
    const backdrop = r === 'white-alpha' ? ' style="background:#000;color:#fff"' : '';
    return `<div class="ramp"${backdrop}><div class="ramp-name">${r}</div>${cells}</div>`;
  })
  .join('\n');

const surfaces = ['color.bg.canvas', 'color.bg.subtle', 'color.bg.raised', 'color.bg.muted'];
const texts = names.filter((n) => /^color\.(fg\.(default|muted|subtle)|(accent|success|warning|danger|info)\.text)$/.test(n));
// Per theme, the ratio each text colour reaches on each surface (the JS mirrors tokenc's check).
const ratios = (key) =>
  texts.map((t) => surfaces.map((s) => ratio(hex6(all[key][t].css), hex6(all[key][s].css)).toFixed(2)));
const table = (key) => {
  const rs = ratios(key);
  return `<table class="contrast" data-for="${key}"><caption>Text on surfaces, ${esc(key.split(',').slice(0, 2).join(', '))}</caption><tr><th scope="col">token</th>${surfaces
    .map((s) => `<th scope="col">${s.replace('color.', '')}</th>`)
    .join('')}</tr>${texts
    .map(
      (t, i) =>
        `<tr><th scope="row">${t.replace('color.', '')}</th>${surfaces
          .map((s, j) => `<td style="background:${v(s)};color:${v(t)}">Aa ${rs[i][j]}</td>`)
          .join('')}</tr>`,
    )
    .join('')}</table>`;
};

const semanticGroups = ['bg', 'fg', 'border', 'accent', 'success', 'warning', 'danger', 'info'];
const semanticHtml = semanticGroups
  .map((g) => {
    const tokens = names.filter((n) => n.startsWith(`color.${g}.`));
    return `<div class="group"><h3>${g}</h3>${tokens
      .map((n) => `<div class="chip"><span class="dot" style="background:${v(n)}"></span>${n.split('.').slice(2).join('.')}</div>`)
      .join('')}</div>`;
  })
  .join('');

const space = names.filter((n) => /^space\./.test(n));
const radii = names.filter((n) => /^radius\./.test(n) && n !== 'radius.none');
const shadows = names.filter((n) => /^shadow\./.test(n));
const typeRoles = names.filter((n) => base[n].type === 'typography' && n.startsWith('text.'));
const durations = names.filter((n) => n.startsWith('motion.duration.'));

const tones = ['accent', 'success', 'warning', 'danger', 'info'];
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Crust tokens</title>
<style>${tokensCss()}</style>
<style>
  body { margin: 0; background: ${v('color.bg.canvas')}; color: ${v('color.fg.default')}; font: ${v('text.body')}; }
  main { padding: ${v('inset.lg')}; display: grid; gap: ${v('gap.xl')}; max-width: 78rem; }
  h1 { font: ${v('text.heading.2')}; margin: 0; }
  h2 { font: ${v('text.heading.4')}; margin: 0 0 ${v('gap.sm')}; }
  h3 { font: ${v('text.label')}; margin: 0 0 ${v('gap.xs')}; color: ${v('color.fg.muted')}; }
  p { margin: 0; color: ${v('color.fg.muted')}; }
  .ramp { display: grid; grid-template-columns: 6rem repeat(14, 1fr); gap: 2px; align-items: stretch; }
  .ramp-name { font: ${v('text.label')}; align-self: center; }
  .cell { padding: 4px; border-radius: ${v('radius.sm')}; font: ${v('text.caption')}; min-height: 2.5rem; display: flex; flex-direction: column; justify-content: space-between; }
  .cell span { font: 10px ${v('font.family.mono')}; opacity: .85; }
  .ramps { display: grid; gap: 4px; padding: ${v('inset.md')}; background: #fff; border-radius: ${v('surface.radius')}; color: #000; }
  .semantic { display: grid; grid-template-columns: repeat(4, 1fr); gap: ${v('gap.lg')}; }
  .chip { display: flex; gap: ${v('gap.sm')}; align-items: center; font: ${v('text.body-sm')}; }
  .dot { inline-size: 1.25rem; block-size: 1.25rem; border-radius: ${v('radius.sm')}; border: 1px solid ${v('color.border.default')}; }
  table.contrast { border-collapse: collapse; font: ${v('text.body-sm')}; }
  table.contrast caption { text-align: start; font: ${v('text.label')}; padding-block-end: ${v('gap.xs')}; }
  table.contrast th { text-align: start; font-weight: 500; padding: 4px 8px; }
  table.contrast td { padding: 6px 10px; border: 1px solid ${v('color.border.default')}; }
  .row { display: flex; flex-wrap: wrap; gap: ${v('gap.md')}; align-items: end; }
  .bar { background: ${v('color.accent.solid')}; block-size: .75rem; }
  .scale { display: grid; grid-template-columns: 11rem 12rem; gap: 4px ${v('gap.sm')}; align-items: center; font: ${v('text.caption')}; }
  .radius { inline-size: 4rem; block-size: 4rem; background: ${v('color.accent.subtle')}; border: 2px solid ${v('color.accent.border')}; display: grid; place-items: center; font: ${v('text.caption')}; }
  .shadow { inline-size: 8rem; block-size: 5rem; background: ${v('color.bg.raised')}; border-radius: ${v('surface.radius')}; display: grid; place-items: center; font: ${v('text.caption')}; }
  .surface { background: ${v('color.bg.subtle')}; padding: ${v('inset.lg')}; border-radius: ${v('surface.radius')}; }
  .btn { block-size: ${v('button.height.md')}; padding-inline: ${v('button.padding-x.md')}; border-radius: ${v('button.radius')}; font: ${v('button.font')}; border: ${v('button.border-width')} solid transparent; cursor: pointer; }
  .btn:focus-visible { outline: ${v('focus.ring')}; outline-offset: ${v('focus.offset')}; }
  .solid { background: ${v('button.solid.bg')}; color: ${v('button.solid.fg')}; }
  .soft { background: ${v('button.soft.bg')}; color: ${v('button.soft.fg')}; }
  .outline { background: transparent; border-color: ${v('button.outline.border')}; color: ${v('button.outline.fg')}; }
  .ghost { background: transparent; color: ${v('button.ghost.fg')}; }
  .danger { background: ${v('button.danger.bg')}; color: ${v('button.danger.fg')}; }
  .field { display: grid; gap: ${v('field.gap')}; inline-size: 16rem; }
  .field label { font: ${v('field.label-font')}; color: ${v('field.label-fg')}; }
  .field input { block-size: ${v('field.height')}; padding-inline: ${v('field.padding-x')}; border: ${v('field.border-width')} solid ${v('field.border')}; border-radius: ${v('field.radius')}; background: ${v('field.bg')}; color: ${v('field.fg')}; font: ${v('field.font')}; }
  .field input::placeholder { color: ${v('field.placeholder')}; }
  .field input[aria-invalid] { border-color: ${v('field.border-invalid')}; }
  .field small { font: ${v('field.help-font')}; color: ${v('field.help-fg')}; }
  .field .error { color: ${v('field.error-fg')}; }
  .card { background: ${v('card.bg')}; border: 1px solid ${v('card.border')}; border-radius: ${v('card.radius')}; padding: ${v('card.padding')}; box-shadow: ${v('card.shadow')}; display: grid; gap: ${v('card.gap')}; max-inline-size: 22rem; }
  .callout { border-radius: ${v('callout.radius')}; padding: ${v('callout.padding')}; font: ${v('callout.font')}; border-inline-start: ${v('callout.edge')} solid; }
  .badge { display: inline-flex; align-items: center; block-size: ${v('badge.height')}; padding-inline: ${v('badge.padding-x')}; border-radius: ${v('badge.radius')}; font: ${v('badge.font')}; }
  .tooltip { background: ${v('tooltip.bg')}; color: ${v('tooltip.fg')}; border-radius: ${v('tooltip.radius')}; padding: ${v('tooltip.padding-y')} ${v('tooltip.padding-x')}; font: ${v('tooltip.font')}; }
  .check { inline-size: ${v('choice.size')}; block-size: ${v('choice.size')}; border-radius: ${v('choice.radius')}; background: ${v('choice.bg-checked')}; color: ${v('choice.mark')}; display: grid; place-items: center; font-size: .75rem; }
  .switch { inline-size: ${v('switch.width')}; block-size: ${v('switch.height')}; border-radius: 999px; background: ${v('switch.track-checked')}; position: relative; }
  .switch::after { content: ""; position: absolute; inset-block-start: 2px; inset-inline-end: 2px; inline-size: ${v('switch.thumb')}; block-size: ${v('switch.thumb')}; border-radius: 50%; background: ${v('switch.thumb-on')}; }
  .progress { inline-size: 12rem; block-size: ${v('progress.height')}; background: ${v('progress.track')}; border-radius: ${v('progress.radius')}; overflow: hidden; }
  .progress > div { inline-size: 60%; block-size: 100%; background: ${v('progress.indicator')}; }
  .tabs { display: flex; border-block-end: 1px solid ${v('tabs.border')}; }
  .tabs span { padding-inline: ${v('tabs.padding-x')}; block-size: ${v('tabs.height')}; display: grid; place-items: center; font: ${v('tabs.font')}; color: ${v('tabs.fg')}; }
  .tabs span[aria-selected] { color: ${v('tabs.fg-selected')}; box-shadow: inset 0 calc(-1 * ${v('tabs.indicator-width')}) ${v('tabs.indicator')}; }
</style>
</head>
<body>
<main>
  <header><h1>Crust tokens</h1><p id="perm"></p></header>
  <section><h2>Controls from component tokens</h2>
    <div class="surface" style="display:grid;gap:var(--crust-gap-lg)">
      <div class="row">
        <button class="btn solid">Save changes</button><button class="btn soft">Soft</button>
        <button class="btn outline">Outline</button><button class="btn ghost">Ghost</button>
        <button class="btn danger">Delete</button>
        <span class="check" aria-hidden="true">✓</span><span class="switch" aria-hidden="true"></span>
        <div class="progress"><div></div></div>
        <span class="tooltip">Tooltip text</span>
      </div>
      <div class="row">
        <div class="field"><label for="f1">Email</label><input id="f1" placeholder="name@example.com"><small>We never share it.</small></div>
        <div class="field"><label for="f2">Username</label><input id="f2" value="crust" aria-invalid="true"><small class="error">That name is taken.</small></div>
        <div class="card"><h3 style="margin:0;color:inherit">Card title</h3><p>Cards sit on the page with a soft shadow and a quiet border.</p></div>
      </div>
      <div class="tabs" role="presentation"><span aria-selected="true">Account</span><span>Billing</span><span>Team</span></div>
      <div class="row">${tones
        .map((t) => `<span class="badge" style="background:${v(`color.${t}.subtle`)};color:${v(`color.${t}.on-subtle`)}">${t}</span><span class="badge" style="background:${v(`color.${t}.solid`)};color:${v(`color.${t}.on-solid`)}">${t}</span>`)
        .join('')}</div>
      <div style="display:grid;grid-template-columns:repeat(5,1fr);gap:var(--crust-gap-sm)">${tones
        .map((t) => `<div class="callout" style="background:${v(`color.${t}.subtle`)};border-color:${v(`color.${t}.solid`)};color:${v('color.fg.default')}"><b style="color:${v(`color.${t}.on-subtle`)}">${t}</b><br>Body text on the tinted background.</div>`)
        .join('')}</div>
    </div>
  </section>
  <section><h2>Semantic colours</h2><div class="semantic">${semanticHtml}</div></section>
  <section><h2>Contrast of text on surfaces (WCAG 2)</h2><div id="contrast"></div></section>
  <section><h2>Colour ramps (OKLCH, even lightness per step)</h2><div class="ramps">${rampHtml}</div></section>
  <section><h2>Space, radius, elevation</h2>
    <div class="row" style="align-items:start;gap:var(--crust-gap-xl)">
      <div class="scale">${space.map((n) => `<span>${n} ${esc(base[n].css)}</span><div class="bar" style="inline-size:${v(n)}"></div>`).join('')}</div>
      <div class="row">${radii.map((n) => `<div class="radius" style="border-radius:${v(n)}">${n.split('.')[1]}</div>`).join('')}</div>
      <div class="row surface">${shadows.map((n) => `<div class="shadow" style="box-shadow:${v(n)}">${n}</div>`).join('')}</div>
    </div>
  </section>
  <section><h2>Type roles</h2>${typeRoles.map((n) => `<div style="font:${v(n)};margin-block:4px">${n} — The quick brown fox jumps over the lazy dog</div>`).join('')}</section>
  <section><h2>Motion</h2><div class="scale">${durations.map((n) => `<span>${n}</span><code id="${n}"></code>`).join('')}</div></section>
</main>
<script>
  const tables = ${JSON.stringify(Object.fromEntries(['theme=light,contrast=normal', 'theme=dark,contrast=normal', 'theme=light,contrast=more', 'theme=dark,contrast=more'].map((k) => [k, table(`${k},density=comfortable,motion=full`)])))};
  const h = document.documentElement;
  // ?theme=dark&contrast=more sets the attributes (how the screenshots are taken).
  for (const [k, v] of new URLSearchParams(location.search)) h.dataset[k] = v;
  const key = 'theme=' + (h.dataset.theme || 'light') + ',contrast=' + (h.dataset.contrast || 'normal');
  document.getElementById('contrast').innerHTML = tables[key];
  document.getElementById('perm').textContent = [...h.attributes].filter(a => a.name.startsWith('data-')).map(a => a.name.slice(5) + '=' + a.value).join(', ') || 'defaults (your OS preferences decide)';
  for (const el of document.querySelectorAll('code[id]')) el.textContent = getComputedStyle(h).getPropertyValue('--crust-' + el.id.replaceAll('.', '-')).trim();
</script>
</body>
</html>
`;

const outDir = join(root, 'target/swatches');
mkdirSync(outDir, { recursive: true });
const page = join(outDir, 'index.html');
writeFileSync(page, html);
console.log(`wrote ${page}`);

if (!process.argv.includes('--no-screenshots')) {
  const images = join(root, 'docs/images');
  mkdirSync(images, { recursive: true });
  const browser = await launch();
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const [theme, contrast] of [['light', 'normal'], ['dark', 'normal'], ['light', 'more'], ['dark', 'more']]) {
    await tab.goto(`file://${page}?theme=${theme}&contrast=${contrast}`);
    // Light and dark go into the docs; the more-contrast pair stays beside the page.
    const file = join(contrast === 'more' ? outDir : images, `tokens-${theme}${contrast === 'more' ? '-more' : ''}.png`);
    await tab.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
  }
  await browser.close();
}
