// `tokenc export` gives DTCG JSON that another DTCG tool reads with the same values.
//
// For Crust's token set and every valid fixture: export with tokenc, load the exported resolver
// with @terrazzo/parser (an independent DTCG 2025.10 implementation), apply every permutation,
// and compare each token's resolved $value with `tokenc resolve --all-permutations`.
//
// usage: node terrazzo.mjs   (after `cargo build -p tokenc`; run by `cargo xtask test`)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, parse } from '@terrazzo/parser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tokenc = path.join(root, 'target/debug/tokenc');

/** Runs tokenc; returns stdout. */
function run(args) {
  return execFileSync(tokenc, [...args, '--color', 'never', '-q'], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** A value reduced to what both tools must agree on: colours by space, components and alpha
 * (hex is only a fallback), numbers rounded, single values and one-item lists alike. */
function normal(value, type) {
  // A layered shadow that aliases another layered shadow: tokenc flattens the layers (CSS takes
  // one list), Terrazzo nests them; both mean the same shadow.
  if (type === 'shadow' && Array.isArray(value)) value = value.flat(Infinity);
  if (Array.isArray(value)) {
    const items = value.map((v) => normal(v, type));
    return items.length === 1 && (type === 'shadow' || type === 'fontFamily') ? items[0] : items;
  }
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  if (value && typeof value === 'object') {
    if ('colorSpace' in value) {
      return {
        colorSpace: value.colorSpace,
        components: value.components.map((c) => (c === 'none' ? 'none' : normal(c))),
        alpha: normal(value.alpha ?? 1),
      };
    }
    const out = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = normal(value[key], key === 'fontFamily' ? 'fontFamily' : type);
    }
    return out;
  }
  return value;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Exports `entry`, loads it with Terrazzo and compares every permutation. Returns mismatches. */
async function check(entry) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'crust-export-'));
  try {
    return await compare(entry, out);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function compare(entry, out) {
  run(['export', '--resolver', entry, '--out', out]);
  const resolverFile = fs.readdirSync(out).find((f) => f.endsWith('.resolver.json'));
  const file = path.join(out, resolverFile);
  const expected = JSON.parse(run(['resolve', '--resolver', file, '--all-permutations']));
  const config = defineConfig({ tokens: [file], lint: { rules: {} } }, { cwd: pathToFileURL(`${out}/`) });
  const { resolver } = await parse([{ filename: pathToFileURL(file), src: fs.readFileSync(file, 'utf8') }], {
    config,
    skipLint: true,
  });
  const problems = [];
  let compared = 0;
  for (const [key, tokens] of Object.entries(expected)) {
    const input = Object.fromEntries(key ? key.split(',').map((pair) => pair.split('=')) : []);
    const theirs = resolver.apply(input);
    for (const [id, token] of Object.entries(tokens)) {
      // Terrazzo names a `$root` token by its group.
      const other = theirs[id] ?? theirs[id.replace(/\.\$root$/, '')];
      if (!other) {
        problems.push(`${key} ${id}: missing in Terrazzo`);
        continue;
      }
      compared += 1;
      const a = normal(token.value, token.type);
      const b = normal(other.$value, other.$type);
      if (other.$type !== token.type || !same(a, b)) {
        problems.push(`${key} ${id}: tokenc ${token.type} ${JSON.stringify(a)}\n    terrazzo ${other.$type} ${JSON.stringify(b)}`);
      }
    }
  }
  return { problems, compared };
}

// Fixtures that use what Terrazzo 2.7.1 does not read inside resolver sets: `$ref` JSON pointers
// into token values (it stops with "Could not load $ref" / "Can't find $ref").
const TERRAZZO_CANNOT = {
  'json-resolver': 'property-level $ref pointers (#/color/blue/$value/…)',
  'resolver-overrides': 'property-level $ref pointers (#/space/base/$value/unit)',
};

const entries = [path.join(root, 'tokens/tokens.resolver.toml')];
const valid = path.join(root, 'tests/fixtures/valid');
for (const dir of fs.readdirSync(valid).sort()) {
  const files = fs.readdirSync(path.join(valid, dir));
  const entry = files.find((f) => f.startsWith('entry.') || f.includes('.resolver.'));
  if (TERRAZZO_CANNOT[dir]) {
    console.log(`skip tests/fixtures/valid/${dir}: Terrazzo cannot read ${TERRAZZO_CANNOT[dir]}`);
  } else if (entry) {
    entries.push(path.join(valid, dir, entry));
  }
}

let failed = 0;
for (const entry of entries) {
  const name = path.relative(root, entry);
  try {
    const { problems, compared } = await check(entry);
    if (problems.length) {
      failed += 1;
      console.log(`FAIL ${name}: ${problems.length} of ${compared} differ`);
      for (const p of problems.slice(0, 10)) console.log(`  ${p}`);
    } else {
      console.log(`ok   ${name}: ${compared} values agree`);
    }
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}: ${e.message.split('\n').slice(0, 6).join('\n  ')}`);
  }
}
if (failed) {
  console.log(`${failed} of ${entries.length} token sets differ between tokenc and Terrazzo`);
  process.exit(1);
}
console.log(`all ${entries.length} exported token sets load in Terrazzo with tokenc's values`);
