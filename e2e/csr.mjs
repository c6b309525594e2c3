// The client-side example (examples/csr/dist) in headless Chromium: a stored theme is on <html>
// before the app's wasm has run (the inline THEME_SCRIPT), the app mounts and works, and the
// console stays clean. Files are served from disk through request interception.
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { launch, root } from './lib.mjs';

const dist = join(root, 'examples/csr/dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const failures = [];
const browser = await launch();
const context = await browser.newContext();
// The wasm is held back until <html> has been checked, so the check sees the page before the app.
let releaseWasm;
const wasmGate = new Promise((resolve) => (releaseWasm = resolve));
await context.route('http://csr.test/**', async (route) => {
  const path = new URL(route.request().url()).pathname;
  if (path.endsWith('.wasm')) await wasmGate;
  const file = join(dist, path === '/' ? 'index.html' : path);
  try {
    route.fulfill({ body: readFileSync(file), contentType: types[extname(file)] ?? 'application/octet-stream' });
  } catch {
    route.fulfill({ status: 404, body: 'not found' });
  }
});
// A reader who chose dark earlier: the choice is in localStorage before the page runs.
await context.addInitScript(() => localStorage.setItem('crust-theme', 'theme:dark.density:compact'));
const page = await context.newPage();
const messages = [];
page.on('console', (m) => ['error', 'warning'].includes(m.type()) && messages.push(m.text()));
page.on('pageerror', (e) => messages.push(e.message));
await page.goto('http://csr.test/', { waitUntil: 'domcontentloaded' });
const early = await page.evaluate(() => ({
  theme: document.documentElement.getAttribute('data-theme'),
  density: document.documentElement.getAttribute('data-density'),
}));
if (early.theme !== 'dark' || early.density !== 'compact') failures.push(`before the app ran, <html> had ${JSON.stringify(early)}`);
releaseWasm();
await page.waitForSelector('button.crust-button');
await page.click('button.crust-button');
await page.click('button.crust-button');
const badge = await page.textContent('.crust-badge');
if (badge !== '2 clicks') failures.push(`badge says "${badge}" after two clicks`);
const checked = await page.$eval('input[name^="crust-theme-toggle"]:checked', (el) => el.value);
if (checked !== 'dark') failures.push(`the toggle shows "${checked}", not the stored "dark"`);
if (messages.length) failures.push(`console says\n    ${messages.join('\n    ')}`);
await browser.close();
if (failures.length) {
  console.error(`csr: ${failures.length} problem(s)\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('csr: stored theme applied before the app ran; the app mounts and counts; console clean');
