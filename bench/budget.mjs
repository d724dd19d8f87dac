#!/usr/bin/env node
// npm run test:scale: the first search at 1,000 commentaries must fetch under 150 KB (gzip-equivalent)
// in total, results and filter counts included, measured on a real build of a generated corpus in
// headless Chromium, for a one-word query and a phrase. Reads the real passages from a
// site already built from the real content (BENCH_REAL_DIST, e.g. the test build) or builds one.
import { strict as assert } from 'node:assert';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCorpus } from './corpus.mjs';
import { OUT, build, realPassages, scratchProject } from './project.mjs';
import { measureSearch } from './search.mjs';

export const COMMENTARIES = 1000;
export const BUDGET_BYTES = 150 * 1024;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const dir = join(OUT, 'budget');
const real = await realPassages({ dist: process.env.BENCH_REAL_DIST || undefined });
console.log(`Generating and building ${COMMENTARIES} commentaries…`);
await scratchProject(dir, generateCorpus({ count: COMMENTARIES, ...real }));
const { totalMs } = await build(dir);
console.log(`Built in ${(totalMs / 1000).toFixed(1)} s; searching in Chromium…`);
const { word, phrase } = await measureSearch(join(dir, 'dist'));
for (const search of [word, phrase]) {
  console.log(
    `${search.query}: ${search.results} matches, ${kb(search.bytes)} in ${search.requests} requests with the counts (${kb(search.toResults)} until the results show), ${search.ms} ms`,
  );
}
for (const search of [word, phrase]) {
  if (search.bytes >= BUDGET_BYTES) {
    for (const r of [...search.fetched].sort((a, b) => b.bytes - a.bytes))
      console.log(`  ${kb(r.bytes)}  ${r.path}`);
  }
  assert.ok(search.results > 0, `The search for ${search.query} found nothing.`);
  assert.ok(!search.failed, `The search for ${search.query} showed an error.`);
  assert.equal(
    search.counted,
    search.results,
    `The experts' counts for ${search.query} do not add up to its matches: the facet file was not read right.`,
  );
  assert.ok(
    search.bytes < BUDGET_BYTES,
    `The first search for ${search.query} at ${COMMENTARIES} commentaries fetched ${kb(search.bytes)}; the budget is ${kb(BUDGET_BYTES)}.`,
  );
}
await rm(dir, { recursive: true, force: true });
console.log(`Within the budget of ${kb(BUDGET_BYTES)}.`);
