#!/usr/bin/env node
// node bench/index-variants.mjs <records.json> <dist> <variant>[,<variant>…] [--max-fragments N]
// Indexes a variant of a built site's search records (bench/record-variants.mjs) with Pagefind's
// documented Node API, as src/search/build/integration.ts does, into a hard-linked copy of the site,
// <dist>-<variant>, and prints its metadata's size; then `node bench/measure-dist.mjs <dist>-<variant>`
// measures its first searches. The records are those of the build: build with
// BENCH_KEEP_RECORDS=<records.json> (see integration.ts). Set PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE to
// see what Pagefind's undocumented chunk size would change.
import { execFileSync } from 'node:child_process';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import * as variants from './record-variants.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'max-fragments': { type: 'string' } },
});
const [recordsFile, dist, names = 'same'] = positionals;
if (!recordsFile || !dist) {
  console.error('Usage: node bench/index-variants.mjs <records.json> <dist> <variant>[,<variant>…]');
  console.error(`Variants: ${Object.keys(variants).join(', ')}`);
  process.exit(2);
}
const all = JSON.parse(await readFile(recordsFile, 'utf8'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const name of names.split(',')) {
  const variant = variants[name];
  if (typeof variant !== 'function')
    throw new Error(`No variant ${name}: ${Object.keys(variants).join(', ')}`);
  const records = variant(all);
  const out = `${dist.replace(/\/$/, '')}-${name}`;
  await rm(out, { recursive: true, force: true });
  execFileSync('cp', ['-al', dist, out]);
  const bundle = join(out, 'pagefind');
  await rm(bundle, { recursive: true, force: true });
  const maxFragments = values['max-fragments'] ? Number(values['max-fragments']) : undefined;
  const { index, errors } = await pagefind.createIndex(maxFragments ? { maxFragments } : {});
  if (!index) throw new Error(errors.join('; '));
  for (let i = 0; i < records.length; i += 64) {
    for (const added of await Promise.all(records.slice(i, i + 64).map((r) => index.addHTMLFile(r))))
      if (added.errors.length > 0) throw new Error(added.errors.join('; '));
  }
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  await pagefind.close();
  const files = await readdir(bundle);
  const meta = files.find((f) => f.endsWith('.pf_meta'));
  const count = async (dir) => (await readdir(join(bundle, dir))).length;
  console.log(
    `${name}: ${records.length} records, metadata ${kb((await stat(join(bundle, meta))).size)}, ${await count('index')} index chunks, ${await count('fragment')} fragment files → ${out}`,
  );
}
