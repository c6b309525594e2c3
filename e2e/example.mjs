// Browser tests of the example app (SSR + hydration) in headless Chromium:
// - axe (WCAG 2.0/2.1/2.2 A and AA) finds no violation in every theme × contrast;
// - no console errors or warnings (hydration problems show up there);
// - a theme cookie is rendered onto <html> by the server: the first paint is right;
// - keyboard: Checkbox, RadioGroup (one tab stop, arrows, disabled skipped), Switch, Select,
//   ThemeToggle; validation errors reach the inputs through Field.
// Screenshots of each theme go to target/example/ (with CRUST_UPDATE_DOCS=1, light and dark are
// also copied to docs/images/ for the README).
// Usage: node example.mjs http://127.0.0.1:3917
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, launch, nextFrames, permutations, root } from './lib.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const resolved = permutations();
const failures = [];
const fail = (what) => failures.push(what);
const shots = join(root, 'target/example');
mkdirSync(shots, { recursive: true });

// The server may still be starting.
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  if (i > 100) throw new Error(`the example server at ${base} does not answer`);
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await launch();

async function open(cookie) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (cookie) {
    await context.addCookies([{ name: 'crust-theme', value: cookie, url: base }]);
  }
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`page error: ${e.message}`));
  await page.goto(base);
  await page.waitForSelector('body[data-hydrated]', { timeout: 15000 });
  return { context, page, messages };
}

// 1. Every theme × contrast: first paint from the server, axe, console, screenshot.
for (const theme of ['light', 'dark']) {
  for (const contrast of ['normal', 'more']) {
    const label = `theme=${theme},contrast=${contrast}`;
    const cookie = `theme:${theme}.contrast:${contrast}`;
    // The server's HTML already carries the choice (no flash before hydration).
    const html = await (await fetch(base, { headers: { cookie: `crust-theme=${cookie}` } })).text();
    const open_tag = html.match(/<html[^>]*>/)?.[0] ?? '';
    if (!open_tag.includes(`data-theme="${theme}"`) || !open_tag.includes(`data-contrast="${contrast}"`)) {
      fail(`${label}: server HTML starts with ${open_tag}`);
    }
    const { context, page, messages } = await open(cookie);
    const want = resolved[`${label},density=comfortable,motion=full`]['color.bg.canvas'].css;
    const bg = await page.evaluate((css) => {
      const probe = document.createElement('div');
      probe.style.color = css;
      document.body.append(probe);
      const wanted = getComputedStyle(probe).color;
      probe.remove();
      return { got: getComputedStyle(document.body).backgroundColor, wanted };
    }, want);
    if (bg.got !== bg.wanted) fail(`${label}: body background ${bg.got}, tokens say ${bg.wanted}`);
    const violations = await axeViolations(page);
    for (const v of violations) {
      fail(`${label}: axe ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\n/g, ' ')).join('\n    ')}`);
    }
    if (messages.length) fail(`${label}: console says\n    ${messages.join('\n    ')}`);
    await page.screenshot({ path: join(shots, `example-${theme}${contrast === 'more' ? '-more' : ''}.png`), fullPage: true });
    await context.close();
  }
}

// 2. Keyboard and behaviour, in the default theme.
{
  const { context, page, messages } = await open(null);
  const state = (selector) => page.$eval(selector, (el) => el.checked);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('value') ?? document.activeElement?.name ?? document.activeElement?.id);

  // Checkbox: Space toggles.
  const newsletter = 'input[name="newsletter"]';
  const before = await state(newsletter);
  await page.focus(newsletter);
  await page.keyboard.press('Space');
  if ((await state(newsletter)) === before) fail('checkbox: Space did not toggle it');

  // RadioGroup: Tab enters at the checked option; arrows move and select; disabled is skipped.
  await page.focus('input[name="name"]');
  const radios = 'input[type="radio"][value="free"]';
  await page.focus(radios);
  await page.keyboard.press('ArrowDown');
  if ((await focused()) !== 'pro' || !(await state('input[type="radio"][value="pro"]'))) fail('radio: ArrowDown did not select "pro"');
  await page.keyboard.press('ArrowDown');
  if ((await focused()) !== 'free') fail(`radio: ArrowDown from "pro" went to ${await focused()}, not past the disabled "team" to "free"`);
  await page.keyboard.press('ArrowUp');
  if ((await focused()) !== 'pro') fail('radio: ArrowUp did not wrap back to "pro"');
  // One tab stop: Shift+Tab from the group leaves it.
  await page.keyboard.press('Shift+Tab');
  if ((await page.evaluate(() => document.activeElement?.type)) === 'radio') fail('radio: the group has more than one tab stop');

  // Switch: Space toggles; role=switch reports it.
  const sw = 'input[role="switch"]';
  const swBefore = await state(sw);
  await page.focus(sw);
  await page.keyboard.press('Space');
  if ((await state(sw)) === swBefore) fail('switch: Space did not toggle it');

  // Select: arrow keys change the choice.
  await page.focus('select[name="country"]');
  await page.keyboard.press('ArrowDown');
  const country = await page.$eval('select[name="country"]', (el) => el.value);
  if (!country) fail('select: ArrowDown chose nothing');

  // Validation: an invalid email is reported on submit, wired to the input.
  await page.fill('input[name="email"]', 'not-an-email');
  await page.click('button[type="submit"]');
  const email = await page.$eval('input[name="email"]', (el) => ({
    invalid: el.getAttribute('aria-invalid'),
    describedby: el.getAttribute('aria-describedby') ?? '',
  }));
  const errorText = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), email.describedby);
  if (email.invalid !== 'true' || !errorText.includes('Enter an email address')) {
    fail(`validation: email input ${JSON.stringify(email)}, described as "${errorText}"`);
  }
  // Fixing everything saves, and the result is announced.
  await page.fill('input[name="email"]', 'ada@example.com');
  await page.check('input[name="terms"]');
  await page.click('button[type="submit"]');
  if (!(await page.$('[role="status"].crust-callout'))) fail('submit: no "Saved" status after a valid submit');

  // ThemeToggle: arrows choose; <html> and the cookie follow.
  await page.focus('input[name^="crust-theme-toggle"][value="system"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const theme = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  const cookies = await context.cookies();
  if (theme !== 'dark') fail(`theme toggle: <html data-theme> is ${theme} after choosing Dark`);
  if (!cookies.some((c) => c.name === 'crust-theme' && c.value.includes('theme:dark'))) fail('theme toggle: no crust-theme cookie');
  // The stored choice survives a reload, rendered by the server.
  await page.reload();
  await page.waitForSelector('body[data-hydrated]');
  const after = await page.evaluate(() => ({
    theme: document.documentElement.getAttribute('data-theme'),
    checked: document.querySelector('input[name^="crust-theme-toggle"]:checked')?.value,
  }));
  if (after.theme !== 'dark' || after.checked !== 'dark') fail(`theme toggle: after reload ${JSON.stringify(after)}`);
  if (messages.length) fail(`keyboard run: console says\n    ${messages.join('\n    ')}`);
  await context.close();
}

// 3. Overlays and navigation after hydration: server-rendered closed, then driven by keyboard.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  const html = await (await page.request.get(base)).text();
  const closed = (html.match(/<dialog[^>]*>/g) ?? []).filter((d) => !/\sopen[\s>=]/.test(d)).length;
  if (closed < 2) fail(`overlays: the server should render both dialogs closed (found ${closed})`);
  for (const part of ['role="tablist"', 'role="menu"', 'role="tooltip"', 'aria-label="Breadcrumb"', 'aria-label="Pagination"', 'role="status"']) {
    if (!html.includes(part)) fail(`overlays: the server HTML has no ${part}`);
  }
  await page.goto(base);
  await page.waitForSelector('body[data-hydrated]');
  const settle = () => nextFrames(page);
  const active = async () => {
    await settle();
    return page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.getAttribute('aria-label') || document.activeElement?.tagName);
  };
  // Dialog: opens modal with the focus inside, Escape gives it back.
  await page.click('button:has-text("Invite a member")');
  await settle();
  const invite = await page.$eval('dialog:not([role])', (d) => [d.open && d.matches(':modal'), document.activeElement.type]);
  if (!invite[0] || invite[1] !== 'email') fail(`overlays: the invite dialog gave ${JSON.stringify(invite)}`);
  for (const v of await axeViolations(page)) fail(`overlays (dialog open): axe ${v.id}: ${v.help}`);
  await page.keyboard.press('Escape');
  if ((await active()) !== 'Invite a member') fail(`overlays: after Escape the focus is on "${await active()}"`);
  // Menu → alert dialog → back.
  await page.focus('.crust-menu__trigger');
  await page.keyboard.press('Enter');
  if ((await active()) !== 'Export my data') fail(`overlays: the account menu opened at "${await active()}"`);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await settle();
  const alert = await page.$eval('dialog[role=alertdialog]', (d) => [d.open, document.activeElement.textContent.trim()]);
  if (!alert[0] || alert[1] !== 'Keep account') fail(`overlays: the delete confirmation gave ${JSON.stringify(alert)}`);
  await page.keyboard.press('Enter');
  if ((await active()) !== 'Account') fail(`overlays: closing the confirmation left the focus on "${await active()}"`);
  // A toast from the menu lands in the polite live region.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.crust-toaster [role=status] .crust-toast');
  // Sorting and tabs.
  await page.click('th button:has-text("Commits")');
  const sorted = await page.$eval('th[aria-sort]', (th) => `${th.textContent.trim()} ${th.getAttribute('aria-sort')}`);
  if (sorted !== 'Commits ascending') fail(`overlays: sorting by commits gave "${sorted}"`);
  await page.click('[role=tab]:has-text("Questions")');
  if (!(await page.isVisible('button:has-text("What can each role do?")'))) fail('overlays: the Questions tab did not show its panel');
  if (messages.length) fail(`overlays: console says\n    ${messages.join('\n    ')}`);
  await context.close();
}

await browser.close();
// The README's pictures are refreshed only on request, so a test run leaves the tree clean.
if (process.env.CRUST_UPDATE_DOCS) {
  for (const name of ['example-light.png', 'example-dark.png']) {
    copyFileSync(join(shots, name), join(root, 'docs/images', name));
  }
}
if (failures.length) {
  console.error(`example: ${failures.length} problem(s)\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log('example: axe clean in 4 themes, no console errors, server-rendered theme, keyboard and validation work; overlays render closed on the server and work after hydration');
