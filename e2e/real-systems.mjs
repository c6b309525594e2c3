// Real public design tokens through `tokenc import` and `tokenc export`: the values resolve the
// same before and after, in every permutation, with the same problems reported.
//
// `dtcg-examples` (MIT, pinned in package-lock.json) holds seven design systems written as
// DTCG 2025.10 JSON, each with a resolver (themes, sizes): Adobe Spectrum, Apple HIG, Figma SDS,
// GitHub Primer, IBM Carbon, Microsoft Fluent and Shopify Polaris. Each goes
//   resolve(JSON) == resolve(import → TOML) == resolve(export → JSON again),
// values and problems alike (some sets use units outside the spec, or an alias into a set their
// resolver leaves out; tokenc reports those the same way at each step).
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
const examples = path.join(here, 'node_modules/dtcg-examples');

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

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** import → resolve, export → resolve; returns true when both match the original. */
function roundTrip(name, entry, work) {
  const original = resolve(entry);
  const imported = run(['import', entry, '--out', path.join(work, 'toml'), '-q']);
  if (imported.code !== 0) throw new Error(`${name}: import failed:\n${imported.stderr}`);
  const tomlEntry = fs.readdirSync(path.join(work, 'toml')).find((f) => f.endsWith('.resolver.toml'));
  const toml = resolve(path.join(work, 'toml', tomlEntry));
  const exported = run(['export', '--resolver', path.join(work, 'toml', tomlEntry), '--out', path.join(work, 'again'), '-q']);
  if (exported.code !== 0) throw new Error(`${name}: export failed:\n${exported.stderr}`);
  const jsonEntry = fs.readdirSync(path.join(work, 'again')).find((f) => f.endsWith('.resolver.json'));
  const again = resolve(path.join(work, 'again', jsonEntry));
  const perms = Object.keys(original.values).length;
  const tokens = Object.values(original.values).reduce((n, v) => n + Object.keys(v).length, 0);
  let ok = tokens > 0;
  const steps = [['import → TOML', toml], ['export → JSON', again]].map(([step, other]) => {
    const fine = same(original.values, other.values) && same(original.codes, other.codes);
    ok &&= fine;
    return `${step} ${fine ? 'identical' : 'DIFFERS'}`;
  });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${perms} permutation(s), ${tokens} token values, ${original.codes.length} problems; ${steps.join(', ')}`);
  return ok;
}

let failed = false;
// The seven DTCG 2025.10 systems, each with its own resolver.
for (const file of fs.readdirSync(examples).filter((f) => f.endsWith('.resolver.json')).sort()) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'crust-real-'));
  try {
    failed = !roundTrip(file.replace('.resolver.json', ''), path.join(examples, file), work) || failed;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// Primer's primitives as published (JSON5), in JSON with a resolver of our own.
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
  failed = !roundTrip(`@primer/primitives (${Object.values(sets).flat().length} JSON5 files)`, entry, work) || failed;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
