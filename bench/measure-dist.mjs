#!/usr/bin/env node
// node bench/measure-dist.mjs <dist> [--relevance] [--no-typing] [--newest]: the search figures of an already
// built site, without building it again (bench/run.mjs builds and measures; this only measures). --newest
// opens each first search ordered newest first (`&sort=newest`).
import { measureSearch } from './search.mjs';

const [dist, ...flags] = process.argv.slice(2);
if (!dist) {
  console.error('Usage: node bench/measure-dist.mjs <dist folder> [--relevance] [--no-typing] [--newest]');
  process.exit(2);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const found = await measureSearch(dist, {
  ...(flags.includes('--relevance') ? {} : { relevanceQueries: [] }),
  typing: !flags.includes('--no-typing'),
  params: flags.includes('--newest') ? '&sort=newest' : '',
});
for (const s of [found.word, found.phrase, found.place]) {
  console.log(
    `${s.query}: ${s.results} matches, ${kb(s.toResults)} to results, ${kb(s.bytes)} in all, ${s.ms} ms`,
  );
  // A star marks what was fetched before the results showed (counted in "to results").
  const first = new Set(s.first.map((r) => r.path));
  for (const r of [...s.fetched].sort((a, b) => b.bytes - a.bytes))
    console.log(` ${first.has(r.path) ? '*' : ' '} ${kb(r.bytes)}  ${r.path}`);
}
if (found.typing)
  console.log(
    `typing ${found.typing.query}: median ${found.typing.median} ms (${found.typing.times.join(', ')})`,
  );
for (const r of found.relevance) console.log(`relevance ${r.query}: ${r.opening}/${r.top} [${r.kinds}]`);
