// The built gallery in headless Chromium, served over HTTP (usage: node book.mjs BASE_URL, e.g.
// http://127.0.0.1:3917/book/).
//
// - Every page (chrome included) in light and dark, each with normal and more contrast, chosen
//   the way a reader's stored choice is (localStorage, applied by the head script): axe finds
//   nothing, the console stays clean, component pages have rendered demos and a props table,
//   and the live bundle mounts every demo.
// - The stored choice is on <html> before anything else runs (checked with the bundle blocked).
// - The appearance panel opens, its radios change <html> and the stored choice, Escape closes
//   it and gives the focus back, and the theme demo follows it.
// - A sample of demos respond to clicks and keys, and keys inside demos do not turn the page.
// - Screenshots of a few pages per theme go to target/book-shots/ for a person to look at
//   (with CRUST_UPDATE_DOCS=1 the introduction in light and dark also goes to docs/images/).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { axeViolations, launch, root } from './lib.mjs';

const base = process.argv[2];
if (!base) throw new Error('usage: node book.mjs BASE_URL');
const build = join(root, 'book/build');
// print.html repeats every chapter on one page; toc.html is the sidebar's no-script fallback;
// 404.html loads its assets from the site root (mdBook's `site-url`), which depends on where
// the book is deployed, not on the book.
const skip = new Set(['print.html', 'toc.html', '404.html']);
function pagesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return pagesUnder(path);
    return e.name.endsWith('.html') ? [relative(build, path)] : [];
  });
}
const pages = pagesUnder(build).filter((p) => !skip.has(p) && !p.startsWith('live/')).sort();
const choices = ['theme:light', 'theme:dark', 'theme:light.contrast:more', 'theme:dark.contrast:more'];
const shots = new Set(['index.html', 'tokens.html', 'components/button.html', 'components/field.html']);
const shotDir = join(root, 'target/book-shots');
mkdirSync(shotDir, { recursive: true });

const failures = [];
const browser = await launch();
const messages = [];
function watch(page) {
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && messages.push(`${page.url()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`${page.url()}: ${e.message}`));
}

let demos = 0;
let checked = 0;
for (const choice of choices) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((c) => localStorage.setItem('crust-theme', c), choice);
  const page = await context.newPage();
  watch(page);
  const [theme, contrast] = [choice.match(/theme:(\w+)/)[1], choice.match(/contrast:(\w+)/)?.[1] ?? null];
  for (const file of pages) {
    const where = `${file} (${choice})`;
    await page.goto(base + file);
    const hasDemos = (await page.$$('[data-demo]')).length > 0;
    try {
      await page.waitForFunction(
        () => [...document.querySelectorAll('[data-demo]')].every((f) => f.hasAttribute('data-live')) &&
          !document.getElementById('crust-appearance-toggle').hidden,
        null,
        { timeout: 15000 },
      );
    } catch {
      failures.push(`${where}: the live bundle did not mount every demo and the appearance panel`);
    }
    const attrs = await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.dataset.contrast ?? null]);
    if (attrs[0] !== theme || attrs[1] !== contrast) failures.push(`${where}: <html> has theme ${attrs[0]}, contrast ${attrs[1]}`);
    if (file.startsWith('components/')) {
      const found = await page.$$eval('.crust-demo__specimen', (els) => els.map((e) => e.children.length));
      if (!hasDemos || found.some((n) => n === 0)) failures.push(`${where}: demos missing or empty (${JSON.stringify(found)})`);
      if (choice === choices[0]) demos += found.length;
      if (!(await page.$('table code'))) failures.push(`${where}: no props table`);
    }
    for (const v of await axeViolations(page)) {
      failures.push(`${where}: axe ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join('\n    ')}`);
    }
    if (shots.has(file)) {
      await page.screenshot({ path: join(shotDir, `${file.replace(/[/.]/g, '_')}-${choice.replace(/[:.]/g, '_')}.png`) });
    }
    checked += 1;
  }
  await context.close();
}

// The stored choice is applied by the head script alone: with the live bundle blocked, <html>
// carries it when the document is parsed.
{
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('crust-theme', 'theme:dark.density:compact'));
  await context.route('**/live/**', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${base}introduction.html`, { waitUntil: 'domcontentloaded' });
  const seen = await page.evaluate(() => `${document.documentElement.dataset.theme} ${document.documentElement.dataset.density}`);
  if (seen !== 'dark compact') failures.push(`without the bundle the stored choice gave "${seen}" on <html>`);
  await context.close();
}

const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
watch(page);

// The appearance panel.
await page.goto(`${base}components/theme.html`);
await page.waitForSelector('#crust-appearance-toggle:not([hidden])');
await page.waitForSelector('[data-demo="theme/toggles"][data-live]');
await page.click('#crust-appearance-toggle');
const opened = await page.evaluate(() => [!document.getElementById('crust-appearance').hidden, document.activeElement.getAttribute('value')]);
if (!opened[0] || opened[1] !== 'system') failures.push(`appearance panel: after a click it is open=${opened[0]}, focus on ${opened[1]}`);
await page.keyboard.press('ArrowRight');
await page.keyboard.press('ArrowRight');
const afterKeys = await page.evaluate(() => [document.documentElement.dataset.theme, localStorage.getItem('crust-theme')]);
if (afterKeys[0] !== 'dark' || afterKeys[1] !== 'theme:dark') failures.push(`appearance panel: two ArrowRights gave theme ${afterKeys[0]}, stored "${afterKeys[1]}"`);
const demoChoice = await page.$eval('[data-demo="theme/toggles"] input:checked', (e) => e.value);
if (demoChoice !== 'dark') failures.push(`theme demo shows "${demoChoice}" after the panel chose dark`);
await page.keyboard.press('Escape');
const closed = await page.evaluate(() => [document.getElementById('crust-appearance').hidden, document.activeElement.id]);
if (!closed[0] || closed[1] !== 'crust-appearance-toggle') failures.push(`appearance panel: Escape left open=${!closed[0]}, focus on #${closed[1]}`);
await page.reload();
const kept = await page.evaluate(() => document.documentElement.dataset.theme);
if (kept !== 'dark') failures.push(`appearance panel: after a reload the theme is ${kept}`);
await page.evaluate(() => localStorage.removeItem('crust-theme'));

// Live demos respond.
await page.goto(`${base}components/button.html`);
await page.waitForSelector('[data-demo="button/states"][data-live]');
const counter = '[data-demo="button/states"] button:first-child';
await page.click(counter);
await page.click(counter);
const counted = await page.textContent(counter);
if (!counted.includes('2')) failures.push(`button/states: after two clicks the button says "${counted}"`);
// Arrow keys on a focused demo belong to the demo, not to mdBook's chapter navigation.
await page.focus(counter);
await page.keyboard.press('ArrowRight');
await page.waitForTimeout(300);
if (!page.url().endsWith('components/button.html')) failures.push(`ArrowRight on a demo button left the page for ${page.url()}`);
await page.goto(`${base}components/radio_group.html`);
await page.waitForSelector('[data-demo="radio_group/basic"][data-live]');
await page.focus('[data-demo="radio_group/basic"] input[value="pro"]');
await page.keyboard.press('ArrowUp');
const chosen = await page.textContent('[data-demo="radio_group/basic"] p:not([class])');
if (!chosen.includes('free')) failures.push(`radio_group/basic: ArrowUp left "${chosen}"`);
await page.goto(`${base}components/text_field.html`);
await page.waitForSelector('[data-demo="text_field/basic"][data-live]');
await page.fill('[data-demo="text_field/basic"] input', 'Grace');
const hello = await page.textContent('[data-demo="text_field/basic"] p:not([class])');
if (!hello.includes('Grace')) failures.push(`text_field/basic: typing left "${hello}"`);
// The table-of-contents button works from the keyboard.
await page.focus('#mdbook-sidebar-toggle');
const before = await page.evaluate(() => document.documentElement.classList.contains('sidebar-visible'));
await page.keyboard.press('Enter');
const after = await page.evaluate(() => document.documentElement.classList.contains('sidebar-visible'));
if (before === after) failures.push('the table-of-contents button did not toggle the sidebar from the keyboard');

if (process.env.CRUST_UPDATE_DOCS) {
  for (const theme of ['light', 'dark']) {
    copyFileSync(join(shotDir, `index_html-theme_${theme}.png`), join(root, 'docs/images', `gallery-${theme}.png`));
  }
}
if (messages.length) failures.push(`console says\n    ${messages.slice(0, 10).join('\n    ')}`);
await browser.close();
if (failures.length) {
  console.error(`book: ${failures.length} problem(s)\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log(
  `book: ${pages.length} pages × ${choices.length} theme/contrast choices (${checked} loads) axe-clean with the chrome; ` +
    `${demos} demos mounted live; stored choice applied before the bundle; appearance panel, clicks and keys work; ` +
    `screenshots in target/book-shots/`,
);
