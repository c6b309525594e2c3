// The built gallery (book/build) in headless Chromium: every component page has rendered demos
// and a props table, and axe finds nothing wrong inside the specimens in light and dark.
// (The mdBook chrome around them is not yet checked: it still uses mdBook's own theme.)
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launch, root } from './lib.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const pages = readdirSync(join(root, 'book/build/components')).filter((f) => f.endsWith('.html'));
const failures = [];
const browser = await launch();
const page = await browser.newPage();
let demos = 0;
for (const file of pages) {
  for (const theme of ['light', 'coal']) {
    await page.goto(`file://${join(root, 'book/build/components', file)}`);
    // mdBook's theme class drives Crust's data-theme through theme/gallery.js.
    await page.evaluate((t) => {
      document.documentElement.classList.remove('light', 'coal', 'navy', 'ayu', 'rust');
      document.documentElement.classList.add(t);
    }, theme);
    await page.waitForFunction((t) => document.documentElement.dataset.theme === (t === 'coal' ? 'dark' : 'light'), theme);
    const found = await page.$$eval('.crust-demo__specimen', (els) => els.map((e) => e.children.length));
    if (found.length === 0 || found.some((n) => n === 0)) failures.push(`${file}: demos missing or empty (${JSON.stringify(found)})`);
    if (theme === 'light') demos += found.length;
    if (!(await page.$('table code'))) failures.push(`${file}: no props table`);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      axe.run({ include: [['.crust-demo__specimen']] }, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      }),
    );
    for (const v of result.violations) {
      failures.push(`${file} (${theme}): axe ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
    }
  }
}
await browser.close();
if (failures.length) {
  console.error(`book: ${failures.length} problem(s)\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log(`book: ${pages.length} component pages, ${demos} demos rendered; axe clean inside the specimens in light and dark`);
