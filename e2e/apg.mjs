// WAI-ARIA Authoring Practices keyboard patterns, driven key by key in headless Chromium on the
// gallery's live demos (usage: node apg.mjs BASE_URL, e.g. http://127.0.0.1:3917/book/).
// After every key the test checks where the focus is and the ARIA state the pattern asks for;
// with each overlay open, axe must find nothing in light and dark, normal and more contrast.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, launch, nextFrames, root as workspace } from './lib.mjs';

// Screenshots of every open overlay in light and dark, for a person to look at.
const shots = join(workspace, 'target/overlay-shots');
mkdirSync(shots, { recursive: true });

const base = process.argv[2];
if (!base) throw new Error('usage: node apg.mjs BASE_URL');
const failures = [];
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const messages = [];
page.on('console', (m) => ['error', 'warning'].includes(m.type()) && messages.push(`${page.url()}: ${m.text()}`));
page.on('pageerror', (e) => messages.push(`${page.url()}: ${e.message}`));
let steps = 0;

/** Asserts `actual` equals `expected` (as JSON), naming the step. */
function expect(step, actual, expected) {
  steps += 1;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    failures.push(`${step}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Waits until events queued by the last key (toggle, placement) have run. */
const settle = () => nextFrames(page);

/** The focused element, described by its role or tag and its text or label. */
async function focused() {
  await settle();
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    const name = a.getAttribute('aria-label') ?? (a.labels?.[0]?.textContent ?? a.textContent ?? '').trim();
    return `${a.getAttribute('role') ?? a.tagName.toLowerCase()}:${name.slice(0, 40)}`;
  });
}

async function open(file, demo) {
  await page.goto(`${base}components/${file}`);
  await page.waitForSelector(`[data-demo="${demo}"][data-live]`);
  return `[data-demo="${demo}"]`;
}

/** Puts the focus just before `selector`'s demo, so the next Tab enters it. */
async function focusBefore(root) {
  await page.evaluate((r) => {
    const s = document.querySelector(`${r} .crust-demo__specimen`);
    s.setAttribute('tabindex', '-1');
    s.focus();
  }, root);
}

async function axeAllThemes(label) {
  for (const choice of [['light', null], ['dark', null], ['light', 'more'], ['dark', 'more']]) {
    await page.evaluate(([t, c]) => {
      document.documentElement.setAttribute('data-theme', t);
      if (c) document.documentElement.setAttribute('data-contrast', c);
      else document.documentElement.removeAttribute('data-contrast');
    }, choice);
    // Colours transition on a theme change: let them settle before measuring contrast.
    await page.waitForTimeout(500);
    if (!choice[1]) {
      await page.screenshot({ path: join(shots, `${label.replace(/[^a-z]+/g, '-')}${choice[0]}.png`) });
    }
    for (const v of await axeViolations(page)) {
      failures.push(`${label} (${choice.join(', ')}): axe ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join('\n    ')}`);
    }
  }
  await page.evaluate(() => {
    document.documentElement.removeAttribute('data-theme');
    document.documentElement.removeAttribute('data-contrast');
  });
}

// ---- Tabs (automatic activation) ------------------------------------------------------------
{
  const root = await open('tabs.html', 'tabs/basic');
  const state = () =>
    page.$$eval(`${root} [role=tab]`, (tabs) =>
      tabs.map((t) => {
        const panel = document.getElementById(t.getAttribute('aria-controls'));
        const label = panel && document.getElementById(panel.getAttribute('aria-labelledby'));
        return `${t.textContent.trim()}|${t.getAttribute('aria-selected')}|${t.tabIndex}|${panel.hidden ? 'hidden' : 'shown'}|${label === t}`;
      }),
    );
  expect('tabs: first tab selected, one tab stop, panels labelled by their tabs', await state(), [
    'General|true|0|shown|true',
    'Members|false|-1|hidden|true',
    'Billing|false|-1|hidden|true',
    'Danger zone|false|-1|hidden|true',
  ]);
  expect('tabs: the list has a name', await page.$eval(`${root} [role=tablist]`, (l) => l.getAttribute('aria-label')), 'Project settings');
  await focusBefore(root);
  await page.keyboard.press('Tab');
  expect('tabs: Tab enters at the selected tab', await focused(), 'tab:General');
  await page.keyboard.press('ArrowRight');
  expect('tabs: ArrowRight focuses and selects the next tab', [await focused(), (await state())[1]], ['tab:Members', 'Members|true|0|shown|true']);
  await page.keyboard.press('ArrowRight');
  expect('tabs: ArrowRight skips the disabled tab', await focused(), 'tab:Danger zone');
  await page.keyboard.press('ArrowRight');
  expect('tabs: ArrowRight wraps to the first tab', await focused(), 'tab:General');
  await page.keyboard.press('ArrowLeft');
  expect('tabs: ArrowLeft wraps to the last tab', await focused(), 'tab:Danger zone');
  await page.keyboard.press('Home');
  expect('tabs: Home goes to the first tab', await focused(), 'tab:General');
  await page.keyboard.press('End');
  expect('tabs: End goes to the last tab and selects it', [await focused(), (await state())[3]], ['tab:Danger zone', 'Danger zone|true|0|shown|true']);
  await page.keyboard.press('Tab');
  expect('tabs: Tab moves from the tab list into the panel', await focused(), 'tabpanel:Archive or delete the project.');
  await page.keyboard.press('Shift+Tab');
  expect('tabs: Shift+Tab returns to the selected tab', await focused(), 'tab:Danger zone');
  // Right to left: the arrows swap.
  await page.$eval(root, (f) => f.setAttribute('dir', 'rtl'));
  await page.keyboard.press('ArrowLeft');
  expect('tabs (rtl): ArrowLeft goes to the next tab', await focused(), 'tab:General');
  await page.keyboard.press('ArrowRight');
  expect('tabs (rtl): ArrowRight goes to the previous tab', await focused(), 'tab:Danger zone');
  await axeAllThemes('tabs');
}

// ---- Tabs (manual activation) ---------------------------------------------------------------
{
  const root = await open('tabs.html', 'tabs/manual');
  const selected = () => page.$eval(`${root} [role=tab][aria-selected=true]`, (t) => t.textContent.trim());
  await page.focus(`${root} [role=tab][aria-selected=true]`);
  await page.keyboard.press('ArrowRight');
  expect('tabs (manual): ArrowRight only moves the focus', [await focused(), await selected()], ['tab:Month', 'Week']);
  await page.keyboard.press('Enter');
  expect('tabs (manual): Enter selects', [await selected(), (await page.textContent(`${root} .crust-stack > p`)).trim()], ['Month', 'Showing: month']);
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  expect('tabs (manual): Space selects', await selected(), 'Day');
}

// ---- Accordion ------------------------------------------------------------------------------
{
  const root = await open('accordion.html', 'accordion/single');
  const state = () =>
    page.$$eval(`${root} .crust-accordion__trigger`, (buttons) =>
      buttons.map((b) => {
        const panel = document.getElementById(b.getAttribute('aria-controls'));
        const labelled = document.getElementById(panel.getAttribute('aria-labelledby')) === b;
        return `${b.textContent.trim()}|${b.getAttribute('aria-expanded')}|${panel.hidden ? 'hidden' : 'shown'}|${labelled}|${b.parentElement.tagName}`;
      }),
    );
  expect('accordion: headers are buttons in headings, the first starts open', await state(), [
    'Shipping|true|shown|true|H3',
    'Returns|false|hidden|true|H3',
    'Warranty|false|hidden|true|H3',
  ]);
  await focusBefore(root);
  await page.keyboard.press('Tab');
  expect('accordion: Tab reaches the first header', await focused(), 'button:Shipping');
  await page.keyboard.press('ArrowDown');
  expect('accordion: ArrowDown moves to the next header', await focused(), 'button:Returns');
  await page.keyboard.press('Enter');
  expect('accordion (single): Enter opens this section and closes the other', (await state()).map((s) => s.split('|').slice(0, 3).join('|')), [
    'Shipping|false|hidden',
    'Returns|true|shown',
    'Warranty|false|hidden',
  ]);
  await page.keyboard.press('Space');
  expect('accordion: Space closes the open section', (await state())[1].split('|')[1], 'false');
  await page.keyboard.press('End');
  expect('accordion: End goes to the last header', await focused(), 'button:Warranty');
  await page.keyboard.press('ArrowDown');
  expect('accordion: ArrowDown wraps to the first header', await focused(), 'button:Shipping');
  await page.keyboard.press('ArrowUp');
  expect('accordion: ArrowUp wraps to the last header', await focused(), 'button:Warranty');
  await page.keyboard.press('Home');
  expect('accordion: Home goes to the first header', await focused(), 'button:Shipping');
  await axeAllThemes('accordion');

  const multi = '[data-demo="accordion/multiple"]';
  await page.focus(`${multi} .crust-accordion__trigger`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect('accordion (multiple): two sections open at once', await page.$$eval(`${multi} .crust-accordion__trigger`, (b) => b.map((x) => x.getAttribute('aria-expanded'))), ['true', 'true', 'false']);
  await page.keyboard.press('ArrowDown');
  expect('accordion: ArrowDown skips the disabled header and wraps', await focused(), 'button:Profile');
}

// ---- Dialog ---------------------------------------------------------------------------------
{
  const root = await open('dialog.html', 'dialog/basic');
  const dialog = `${root} dialog`;
  const isOpen = () => page.$eval(dialog, (d) => d.open && d.matches(':modal'));
  await page.focus(`${root} button`);
  await page.keyboard.press('Enter');
  expect('dialog: Enter on the trigger opens it as a modal', await isOpen(), true);
  expect('dialog: focus moves to the first control inside', await focused(), 'input:Name');
  expect('dialog: named and described by its title and description', await page.$eval(dialog, (d) => [
    document.getElementById(d.getAttribute('aria-labelledby'))?.textContent,
    document.getElementById(d.getAttribute('aria-describedby'))?.textContent,
  ]), ['Edit profile', 'Changes are visible to your team.']);
  expect('dialog: the page behind does not scroll', await page.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden');
  await page.keyboard.press('Tab');
  expect('dialog: Tab moves to the next control', await focused(), 'button:Cancel');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect('dialog: the close button comes last', await focused(), 'button:Close');
  await page.keyboard.press('Tab');
  expect('dialog: Tab wraps from the last control to the first', await focused(), 'input:Name');
  await page.keyboard.press('Shift+Tab');
  expect('dialog: Shift+Tab wraps from the first control to the last', await focused(), 'button:Close');
  await axeAllThemes('dialog (open)');
  await page.keyboard.press('Escape');
  expect('dialog: Escape closes it and gives the focus back to the trigger', [await isOpen(), await focused()], [false, 'button:Edit profile']);
  expect('dialog: the page scrolls again', await page.evaluate(() => getComputedStyle(document.documentElement).overflow), 'visible');
  await page.keyboard.press('Enter');
  await page.fill(`${dialog} input`, 'Grace Hopper');
  await page.click(`${dialog} button:has-text("Save")`);
  expect('dialog: an action closes it and the page sees the change', [await isOpen(), await focused(), (await page.textContent(`${root} p`)).trim()], [false, 'button:Edit profile', 'Name: Grace Hopper']);
}

// ---- AlertDialog ----------------------------------------------------------------------------
{
  const root = await open('alert_dialog.html', 'alert_dialog/confirm');
  const dialog = `${root} dialog`;
  const isOpen = () => page.$eval(dialog, (d) => d.open);
  await page.focus(`${root} button`);
  await page.keyboard.press('Enter');
  expect('alert dialog: opens with role alertdialog', [await isOpen(), await page.$eval(dialog, (d) => d.getAttribute('role'))], [true, 'alertdialog']);
  expect('alert dialog: the safe action has the focus', await focused(), 'button:Cancel');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  expect('alert dialog: Escape does not answer it', await isOpen(), true);
  await axeAllThemes('alert dialog (open)');
  await page.keyboard.press('Tab');
  expect('alert dialog: Tab moves to the other action', await focused(), 'button:Delete');
  await page.keyboard.press('Tab');
  expect('alert dialog: Tab wraps inside it', await focused(), 'button:Cancel');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  expect('alert dialog: the action answers, closes it and returns the focus', [await isOpen(), await focused(), (await page.textContent(`${root} p`)).trim()], [false, 'button:Delete project', 'Project deleted.']);
}

// ---- Popover --------------------------------------------------------------------------------
{
  const root = await open('popover.html', 'popover/basic');
  const trigger = `${root} .crust-popover__trigger`;
  const isOpen = () => settle().then(() => page.$eval(`${root} .crust-popover`, (p) => p.matches(':popover-open')));
  await page.focus(trigger);
  await page.keyboard.press('Enter');
  expect('popover: Enter opens it, aria-expanded follows', [await isOpen(), await page.$eval(trigger, (b) => b.getAttribute('aria-expanded'))], [true, 'true']);
  expect('popover: focus moves to the first control inside', await focused(), 'input:Include archived');
  expect('popover: named by its title', await page.$eval(`${root} .crust-popover`, (p) => document.getElementById(p.getAttribute('aria-labelledby')).textContent), 'Show projects');
  await settle();
  const placed = await page.evaluate((r) => {
    const t = document.querySelector(`${r} .crust-popover__trigger`).getBoundingClientRect();
    const p = document.querySelector(`${r} .crust-popover`).getBoundingClientRect();
    return [Math.round(p.left - t.left), p.top >= t.bottom];
  }, root);
  expect('popover: placed below the button, aligned with its start edge', placed, [0, true]);
  await page.keyboard.press('Space');
  expect('popover: controls inside work', (await page.textContent(`${root} p`)).trim(), 'Archived projects shown.');
  await axeAllThemes('popover (open)');
  await page.keyboard.press('Escape');
  expect('popover: Escape closes it and returns the focus', [await isOpen(), await focused(), await page.$eval(trigger, (b) => b.getAttribute('aria-expanded'))], [false, 'button:Filters', 'false']);
  await page.keyboard.press('Enter');
  await page.mouse.click(1200, 880);
  expect('popover: a click outside closes it', await isOpen(), false);
  // Near the bottom of the viewport it flips above; in right-to-left text it aligns with the
  // button's right edge.
  await page.evaluate((r) => {
    const f = document.querySelector(r);
    f.setAttribute('dir', 'rtl');
    const b = f.querySelector('.crust-popover__trigger').getBoundingClientRect();
    // Push the demo down until its button sits at the bottom of the viewport.
    f.style.marginTop = `${window.innerHeight - b.bottom - 12 + window.scrollY}px`;
  }, root);
  await page.click(trigger);
  await settle();
  const flipped = await page.evaluate((r) => {
    const t = document.querySelector(`${r} .crust-popover__trigger`).getBoundingClientRect();
    const p = document.querySelector(`${r} .crust-popover`).getBoundingClientRect();
    return [p.bottom <= t.top, Math.round(t.right - p.right)];
  }, root);
  expect('popover (rtl, at the bottom): flipped above, aligned right', flipped, [true, 0]);
  await page.keyboard.press('Escape');
}

// ---- Tooltip --------------------------------------------------------------------------------
{
  const root = await open('tooltip.html', 'tooltip/basic');
  const tip = `${root} [role=tooltip]`;
  const visible = () => page.$eval(tip, (t) => t.matches(':popover-open'));
  expect('tooltip: the control is described by it', await page.$eval(`${root} button`, (b) => document.getElementById(b.getAttribute('aria-describedby'))?.textContent), 'Copies a link to this page');
  await focusBefore(root);
  await page.keyboard.press('Tab');
  expect('tooltip: keyboard focus shows it at once', [await focused(), await visible()], ['button:Copy link', true]);
  const above = await page.evaluate((r) => {
    const b = document.querySelector(`${r} button`).getBoundingClientRect();
    const t = document.querySelector(`${r} [role=tooltip]`).getBoundingClientRect();
    return t.bottom <= b.top;
  }, root);
  expect('tooltip: placed above the control', above, true);
  await axeAllThemes('tooltip (shown)');
  await page.keyboard.press('Escape');
  expect('tooltip: Escape hides it and the focus stays', [await visible(), await focused()], [false, 'button:Copy link']);
  await page.keyboard.press('Tab');
  expect('tooltip: moving the focus on shows the next one only', await page.$$eval(`${root} [role=tooltip]`, (ts) => ts.map((t) => t.matches(':popover-open'))), [false, true]);
  await page.keyboard.press('Tab');
  await page.hover(`${root} button`);
  expect('tooltip: not shown before the hover delay', await visible(), false);
  await page.waitForTimeout(900);
  expect('tooltip: shown after resting on the control', await visible(), true);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  expect('tooltip: hidden when the pointer leaves', await visible(), false);
}

// ---- Menu -----------------------------------------------------------------------------------
{
  const root = await open('menu.html', 'menu/basic');
  const trigger = `${root} .crust-menu__trigger`;
  const isOpen = () => settle().then(() => page.$eval(`${root} [role=menu]`, (m) => m.matches(':popover-open')));
  const status = () => page.textContent(`${root} p`).then((t) => t.replace(/\s+/g, ' ').trim());
  expect('menu: the button announces a menu', await page.$eval(trigger, (b) => [b.getAttribute('aria-haspopup'), b.getAttribute('aria-expanded')]), ['menu', 'false']);
  await page.focus(trigger);
  await page.keyboard.press('ArrowDown');
  expect('menu: ArrowDown on the button opens at the first item', [await isOpen(), await focused(), await page.$eval(trigger, (b) => b.getAttribute('aria-expanded'))], [true, 'menuitem:Rename', 'true']);
  await page.keyboard.press('ArrowDown');
  expect('menu: ArrowDown moves to the next item', await focused(), 'menuitem:Duplicate');
  await page.keyboard.press('ArrowDown');
  expect('menu: ArrowDown skips the disabled item', await focused(), 'menuitemcheckbox:Show hidden files');
  await page.keyboard.press('End');
  expect('menu: End goes to the last item', await focused(), 'menuitem:Delete');
  await page.keyboard.press('ArrowDown');
  expect('menu: ArrowDown wraps to the first item', await focused(), 'menuitem:Rename');
  await page.keyboard.press('ArrowUp');
  expect('menu: ArrowUp wraps to the last item', await focused(), 'menuitem:Delete');
  await page.keyboard.press('Home');
  expect('menu: Home goes to the first item', await focused(), 'menuitem:Rename');
  await page.keyboard.press('s');
  expect('menu: typing a letter finds the next item starting with it', await focused(), 'menuitemcheckbox:Show hidden files');
  await page.keyboard.press('s');
  expect('menu: the same letter again moves on to the next match', await focused(), 'menuitemradio:Sort by name');
  await page.keyboard.press('Home');
  await page.keyboard.type('sor', { delay: 50 });
  expect('menu: several letters typed quickly match a longer prefix', await focused(), 'menuitemradio:Sort by name');
  await page.keyboard.press('m');
  expect('menu: a letter no item starts with leaves the focus', await focused(), 'menuitemradio:Sort by name');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  expect('menu: Space on a checkbox item flips it and keeps the menu open', [await isOpen(), await page.$eval(`${root} [role=menuitemcheckbox]`, (i) => i.getAttribute('aria-checked'))], [true, 'true']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  expect('menu: Space on a radio item chooses it', await page.$$eval(`${root} [role=menuitemradio]`, (is) => is.map((i) => i.getAttribute('aria-checked'))), ['false', 'true']);
  await axeAllThemes('menu (open)');
  await page.keyboard.press('Escape');
  expect('menu: Escape closes it and returns the focus to the button', [await isOpen(), await focused()], [false, 'button:Actions']);
  await page.keyboard.press('ArrowUp');
  expect('menu: ArrowUp on the button opens at the last item', await focused(), 'menuitem:Delete');
  await page.keyboard.press('Enter');
  expect('menu: Enter chooses the item, closes the menu and returns the focus', [await isOpen(), await focused(), await status()], [false, 'button:Actions', 'Chosen: delete; hidden files shown; sorted by date']);
  await page.keyboard.press('Enter');
  expect('menu: Enter on the button opens it at the first item', await focused(), 'menuitem:Rename');
  await page.keyboard.press('Tab');
  expect('menu: Tab closes it', [await isOpen(), await focused()], [false, 'button:Actions']);
  await page.click(trigger);
  await page.click(`${root} [role=menuitem]:has-text("Duplicate")`);
  expect('menu: a click on an item chooses it', [await isOpen(), await status()], [false, 'Chosen: duplicate; hidden files shown; sorted by date']);
  await page.click(trigger);
  await settle();
  await page.click(trigger);
  expect('menu: a second click on the button closes it', await isOpen(), false);
  await page.focus(trigger);
  await page.keyboard.press('Space');
  expect('menu: Space on the button opens it at the first item', [await isOpen(), await focused()], [true, 'menuitem:Rename']);
  await page.keyboard.press('Escape');
}

// ---- Toast ----------------------------------------------------------------------------------
{
  const root = await open('toast.html', 'toast/basic');
  const polite = `${root} [role=status][aria-live=polite]`;
  const assertive = `${root} [role=alert][aria-live=assertive]`;
  expect('toast: both live regions exist before any toast', [!!(await page.$(polite)), !!(await page.$(assertive))], [true, true]);
  await page.click(`${root} button:has-text("Save")`);
  await page.click(`${root} button:has-text("Fail a payment")`);
  expect('toast: a success toast goes to the polite region, a failure to the assertive one', [
    (await page.textContent(polite)).trim(),
    (await page.textContent(assertive)).trim(),
  ], ['SavedYour changes are live.', 'Payment failedUpdate your card.']);
  await axeAllThemes('toast (shown)');
  // Focus in the stack pauses the countdown (the duration token is 6 s; 7 s pass).
  await page.focus(`${polite} .crust-toast__dismiss`);
  await page.waitForTimeout(7000);
  expect('toast: the countdown pauses while the focus is in the stack', await page.$$eval(`${root} .crust-toast`, (t) => t.length), 2);
  await page.keyboard.press('Enter');
  expect('toast: the dismiss button removes its toast', await page.$$eval(`${root} .crust-toast`, (t) => t.length), 1);
  await page.mouse.move(5, 5);
  await page.evaluate(() => document.activeElement.blur());
  await page.waitForTimeout(7000);
  expect('toast: toasts go by themselves after the duration', await page.$$eval(`${root} .crust-toast`, (t) => t.length), 0);
}

// ---- Breadcrumb, Pagination, Table: links and buttons in order -------------------------------
{
  const root = await open('breadcrumb.html', 'breadcrumb/basic');
  await focusBefore(root);
  await page.keyboard.press('Tab');
  expect('breadcrumb: Tab reaches the first link', await focused(), 'a:Home');
  await page.keyboard.press('Tab');
  expect('breadcrumb: then the next', await focused(), 'a:Projects');
  expect('breadcrumb: the current page is marked and not a link', await page.$eval(`${root} [aria-current=page]`, (a) => [a.textContent, a.hasAttribute('href')]), ['Apollo', false]);
}
{
  const root = await open('pagination.html', 'pagination/basic');
  const current = () => page.$eval(`${root} [aria-current=page]`, (b) => b.textContent.trim());
  await page.focus(`${root} button[aria-label="Page 8"]`);
  await page.keyboard.press('Enter');
  expect('pagination: Enter on a page goes there, the focus stays on it', [await current(), await focused()], ['8', 'button:Page 8']);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  expect('pagination: Space works too', await current(), '7');
  await page.focus(`${root} button:has-text("Next")`);
  await page.keyboard.press('Enter');
  expect('pagination: Next moves one page on', await current(), '8');
}
{
  const root = await open('table.html', 'table/sortable');
  const sorted = () => page.$$eval(`${root} th`, (ths) => ths.map((t) => t.getAttribute('aria-sort')));
  const first = () => page.$eval(`${root} tbody tr td`, (td) => td.textContent.trim());
  await focusBefore(root);
  await page.keyboard.press('Tab');
  expect('table: Tab reaches the scrolling region (named by the caption)', await focused(), 'region:Team members');
  await page.keyboard.press('Tab');
  expect('table: then the first sort button', await focused(), 'button:Name');
  await page.keyboard.press('Enter');
  expect('table: Enter reverses the sorted column', [await sorted(), await first()], [['descending', null, null], 'Katherine Johnson']);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  expect('table: Space sorts by another column; only it carries aria-sort', [await sorted(), await first()], [[null, null, 'ascending'], 'Edsger Dijkstra']);
}

if (messages.length) failures.push(`console says\n    ${messages.slice(0, 10).join('\n    ')}`);
await browser.close();
if (failures.length) {
  console.error(`apg: ${failures.length} problem(s)\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log(`apg: ${steps} keyboard and ARIA checks passed (tabs, accordion, dialog, alert dialog, popover, tooltip, menu, toast, breadcrumb, pagination, table); axe clean with each open in light/dark × normal/more; screenshots in target/overlay-shots/`);
