// Shared helpers for the browser tests: paths, Chromium, and tokenc.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The workspace root (the folder above e2e/). */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Launches headless Chromium from Debian's package (or $CHROMIUM). */
export async function launch() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Runs the freshly built tokenc with `args` and returns stdout. */
export function tokenc(args) {
  const bin = join(root, 'target/debug/tokenc');
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: run \`cargo build --workspace\` first`);
  }
  return execFileSync(bin, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** Every permutation of Crust's token set, as `tokenc resolve --all-permutations` prints it. */
export function permutations() {
  return JSON.parse(
    tokenc(['resolve', '--config', 'tokens/tokenc.toml', '--all-permutations', '-q']),
  );
}

/** Crust's generated token stylesheet. */
export function tokensCss() {
  return readFileSync(join(root, 'components/styles/tokens.css'), 'utf8');
}

/** `theme=dark,contrast=more` → { theme: 'dark', contrast: 'more' }. */
export function parseKey(key) {
  return Object.fromEntries(key.split(',').map((pair) => pair.split('=')));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG rule sets every page must pass (2.0, 2.1 and 2.2, levels A and AA). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core (offline) in `page` on `context` (a selector list, or the whole document). */
export async function axeViolations(page, context) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(
    ([ctx, tags]) => axe.run(ctx ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    [context ?? null, AXE_TAGS],
  );
  return result.violations;
}

/** Waits two animation frames in `page`: events queued by the last input (toggle, placement,
 * focus moves) have run. */
export function nextFrames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
