// The built gallery in headless Chromium, served over HTTP (usage: node book.mjs BASE_URL, e.g.
// http://127.0.0.1:3917/book/): every component page has rendered demos and a props table, the
// live bundle mounts every demo, a sample of demos respond to clicks and keys, the console stays
// clean, and axe finds nothing wrong inside the specimens in light and dark, each with normal
// and more contrast. (The mdBook chrome
// around them is not yet checked: it still uses mdBook's own theme.)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, launch, root } from './lib.mjs';

const base = process.argv[2];
if (!base) throw new Error('usage: node book.mjs BASE_URL');
const pages = readdirSync(join(root, 'book/build/components')).filter((f) => f.endsWith('.html'));
const failures = [];
const browser = await launch();
const page = await browser.newPage();
const messages = [];
page.on('console', (m) => ['error', 'warning'].includes(m.type()) && messages.push(`${page.url()}: ${m.text()}`));
page.on('pageerror', (e) => messages.push(`${page.url()}: ${e.message}`));
let demos = 0;
for (const file of pages) {
  for (const [theme, contrast] of [['light', 'normal'], ['coal', 'normal'], ['light', 'more'], ['coal', 'more']]) {
    await page.goto(`${base}components/${file}`);
    // The live bundle replaces every server-rendered specimen with the mounted demo.
    try {
      await page.waitForFunction(() => [...document.querySelectorAll('[data-demo]')].every((f) => f.hasAttribute('data-live')), null, { timeout: 15000 });
    } catch {
      failures.push(`${file}: the live bundle did not mount every demo`);
    }
    // mdBook's theme class drives Crust's data-theme through theme/gallery.js.
    await page.evaluate((t) => {
      document.documentElement.classList.remove('light', 'coal', 'navy', 'ayu', 'rust');
      document.documentElement.classList.add(t);
    }, theme);
    await page.waitForFunction((t) => document.documentElement.dataset.theme === (t === 'coal' ? 'dark' : 'light'), theme);
    await page.evaluate((c) => document.documentElement.setAttribute('data-contrast', c), contrast);
    const found = await page.$$eval('.crust-demo__specimen', (els) => els.map((e) => e.children.length));
    if (found.length === 0 || found.some((n) => n === 0)) failures.push(`${file}: demos missing or empty (${JSON.stringify(found)})`);
    if (theme === 'light' && contrast === 'normal') demos += found.length;
    if (!(await page.$('table code'))) failures.push(`${file}: no props table`);
    const violations = await axeViolations(page, { include: [['.crust-demo__specimen']] });
    for (const v of violations) {
      failures.push(`${file} (${theme}, contrast ${contrast}): axe ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
    }
  }
}
// Live demos respond.
await page.goto(`${base}components/button.html`);
await page.waitForSelector('[data-demo="button/states"][data-live]');
const counter = '[data-demo="button/states"] button:first-child';
await page.click(counter);
await page.click(counter);
const counted = await page.textContent(counter);
if (!counted.includes('2')) failures.push(`button/states: after two clicks the button says "${counted}"`);
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
if (messages.length) failures.push(`console says\n    ${messages.slice(0, 10).join('\n    ')}`);
await browser.close();
if (failures.length) {
  console.error(`book: ${failures.length} problem(s)\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log(`book: ${pages.length} component pages, ${demos} demos, all mounted live; clicks and keys work; axe clean inside the specimens in light and dark, normal and more contrast`);
