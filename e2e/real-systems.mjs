// Real public design tokens through `tokenc import` and `tokenc export`: the values resolve the
// same before and after, in every permutation, with the same problems reported.
//
// GitHub's Primer primitives (@primer/primitives, MIT, pinned in package-lock.json) are written
// in DTCG JSON5 (hex colour strings from the draft format, {value, unit} dimensions, aliases,
// $extensions). They are turned into JSON files in the same layout, given a resolver (base,
// then theme light/dark, then functional tokens), and then:
//   resolve(JSON) == resolve(import → TOML) == resolve(export → JSON again).
// Problems such as draft-format colours are reported the same way at each step (tokenc checks
// DTCG 2025.10); what matters here is that conversion changes nothing.
//
// usage: node real-systems.mjs   (after `cargo build -p tokenc`; run by `cargo xtask test`)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSON5 from 'json5';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const tokenc = path.join(root, 'target/debug/tokenc');
const primer = path.join(here, 'node_modules/@primer/primitives/src/tokens');

/** Runs tokenc; returns { code, stdout, stderr }. */
function run(args) {
  try {
    const stdout = execFileSync(tokenc, [...args, '--color', 'never'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    return { code: e.status, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function files(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.json5'))
    .sort();
}

/** resolve --all-permutations: the values and the sorted diagnostic codes. */
function resolve(entry) {
  const out = run(['resolve', '--resolver', entry, '--all-permutations', '--message-format', 'json']);
  if (![0, 1].includes(out.code)) throw new Error(`resolve ${entry} failed:\n${out.stderr}`);
  const codes = out.stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l).code)
    .sort();
  return { values: JSON.parse(out.stdout), codes };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'crust-real-'));
try {
  const json = path.join(work, 'json');
  const sets = { base: [], light: [], dark: [], functional: [] };
  for (const file of files(primer)) {
    const rel = path.relative(primer, file).replace(/\.json5$/, '.json');
    const kind = rel.startsWith('base/color/light/')
      ? 'light'
      : rel.startsWith('base/color/dark/')
        ? 'dark'
        : rel.startsWith('base/')
          ? 'base'
          : rel.startsWith('functional/')
            ? 'functional'
            : null;
    if (!kind) continue;
    const target = path.join(json, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `${JSON.stringify(JSON5.parse(fs.readFileSync(file, 'utf8')), null, 2)}\n`);
    sets[kind].push({ $ref: rel });
  }
  const resolver = {
    version: '2025.10',
    name: 'primer',
    sets: { base: { sources: sets.base }, functional: { sources: sets.functional } },
    modifiers: { theme: { default: 'light', contexts: { light: sets.light, dark: sets.dark } } },
    resolutionOrder: [{ $ref: '#/sets/base' }, { $ref: '#/modifiers/theme' }, { $ref: '#/sets/functional' }],
  };
  const entry = path.join(json, 'primer.resolver.json');
  fs.writeFileSync(entry, `${JSON.stringify(resolver, null, 2)}\n`);
  const fileCount = Object.values(sets).flat().length;

  const original = resolve(entry);
  const imported = run(['import', entry, '--out', path.join(work, 'toml'), '-q']);
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.stderr}`);
  const toml = resolve(path.join(work, 'toml/primer.resolver.toml'));
  const exported = run(['export', '--resolver', path.join(work, 'toml/primer.resolver.toml'), '--out', path.join(work, 'again'), '-q']);
  if (exported.code !== 0) throw new Error(`export failed:\n${exported.stderr}`);
  const again = resolve(path.join(work, 'again/primer.resolver.json'));

  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const counts = Object.fromEntries(Object.entries(original.values).map(([k, v]) => [k, Object.keys(v).length]));
  console.log(`primer: ${fileCount} files; tokens resolved per permutation: ${JSON.stringify(counts)}; ${original.codes.length} problems reported`);
  let failed = false;
  for (const [name, other] of [['import → TOML', toml], ['export → JSON', again]]) {
    if (!same(original.values, other.values)) {
      failed = true;
      console.log(`FAIL ${name}: resolved values differ`);
    } else if (!same(original.codes, other.codes)) {
      failed = true;
      console.log(`FAIL ${name}: problems differ: ${original.codes.length} vs ${other.codes.length}`);
    } else {
      console.log(`ok   ${name}: identical values and problems`);
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total < 500) {
    failed = true;
    console.log(`FAIL too few tokens resolved (${total}) for the check to mean anything`);
  }
  if (failed) process.exit(1);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
