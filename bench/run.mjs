#!/usr/bin/env node
// npm run bench [-- --commentaries 300,1000,3000] [--json] [--keep]
// Generates synthetic corpora of the given sizes, builds each in a scratch project under bench/out/,
// and prints build time (Astro and indexing), peak memory, output size, page weight and search cost.
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus } from './corpus.mjs';
import { OUT, build, realPassages, scratchProject } from './project.mjs';
import { measureSearch } from './search.mjs';

const { values } = parseArgs({
  options: {
    commentaries: { type: 'string', default: '300,1000,3000' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.commentaries.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 3)) {
  console.error('--commentaries takes whole numbers of at least 3, e.g. --commentaries 300,1000,3000');
  process.exit(2);
}

const log = (...args) => (values.json ? console.error(...args) : console.log(...args));

/** Every file below a folder with its size. */
async function files(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      found.push({ path, bytes: (await stat(path)).size });
    }
  }
  return found;
}

/** HTML, CSS and JS bytes (raw and gzipped) of the median-sized commentary page. */
async function pageWeight(dist) {
  const pages = (await files(join(dist, 'commentaries'))).filter((f) => f.path.endsWith('.html'));
  pages.sort((a, b) => a.bytes - b.bytes);
  const page = pages[Math.floor(pages.length / 2)];
  const html = await readFile(page.path, 'utf8');
  const linked = (pattern) =>
    [...html.matchAll(pattern)].map((m) => readFileSync(join(dist, m[1].replace(/^\//, '')), 'utf8'));
  const css =
    [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('') +
    linked(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g).join('');
  const js =
    [...html.matchAll(/<script(?![^>]*application\/(?:ld\+)?json)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1])
      .join('') + linked(/<script[^>]+src="([^"]+)"/g).join('');
  const weigh = (text) => ({ raw: Buffer.byteLength(text), gzip: text ? gzipSync(text).length : 0 });
  return { page: relative(dist, page.path), html: weigh(html), css: weigh(css), js: weigh(js) };
}

const real = await realPassages({ log });
const rows = [];
for (const count of sizes) {
  const dir = join(OUT, `n${count}`);
  log(`\n${count} commentaries: generating…`);
  await scratchProject(dir, generateCorpus({ count, ...real }));
  log(`${count} commentaries: building…`);
  const timing = await build(dir);
  const dist = join(dir, 'dist');
  const output = await files(dist);
  const index = output.filter((f) => relative(dist, f.path).startsWith('pagefind'));
  const weight = await pageWeight(dist);
  log(`${count} commentaries: searching in Chromium…`);
  const search = await measureSearch(dist);
  rows.push({
    commentaries: count,
    buildMs: Math.round(timing.totalMs),
    astroMs: Math.round(timing.astroMs),
    indexMs: Math.round(timing.indexMs),
    msPerCommentary: Number((timing.totalMs / count).toFixed(2)),
    peakRssMB: Math.round(timing.peakRss / 2 ** 20),
    phases: timing.phases,
    cpu: timing.cpu,
    files: output.length,
    outputMB: Number((output.reduce((s, f) => s + f.bytes, 0) / 2 ** 20).toFixed(2)),
    indexMB: Number((index.reduce((s, f) => s + f.bytes, 0) / 2 ** 20).toFixed(2)),
    page: weight,
    search,
  });
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}

if (values.json) {
  console.log(
    JSON.stringify(
      { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, rows },
      null,
      2,
    ),
  );
} else {
  const kb = (n) => (n / 1024).toFixed(1);
  const table = [
    ['commentaries', ...rows.map((r) => String(r.commentaries))],
    ['build, total (s)', ...rows.map((r) => (r.buildMs / 1000).toFixed(1))],
    ['  of which content check and Astro (s)', ...rows.map((r) => (r.astroMs / 1000).toFixed(1))],
    ['  of which indexing (s)', ...rows.map((r) => (r.indexMs / 1000).toFixed(1))],
    ...[
      ['content check', 'check'],
      ['content sync', 'contentSync'],
      ['static entrypoints', 'entrypoints'],
      ['page rendering', 'pages'],
      ['Pagefind index', 'pagefind'],
    ].map(([name, key]) => [
      `  phase: ${name} (s)`,
      ...rows.map((r) => (r.phases[key] === null ? '–' : r.phases[key].toFixed(1))),
    ]),
    [
      'CPU: content check / Astro process (s)',
      ...rows.map((r) => `${r.cpu.check.toFixed(1)} / ${r.cpu.astro.toFixed(1)}`),
    ],
    ['build per commentary (ms)', ...rows.map((r) => r.msPerCommentary.toFixed(1))],
    ['peak memory (MB)', ...rows.map((r) => String(r.peakRssMB))],
    ['output files', ...rows.map((r) => String(r.files))],
    ['output size (MB)', ...rows.map((r) => r.outputMB.toFixed(2))],
    ['search index (MB)', ...rows.map((r) => r.indexMB.toFixed(2))],
    ['commentary HTML (KB raw / gz)', ...rows.map((r) => `${kb(r.page.html.raw)} / ${kb(r.page.html.gzip)}`)],
    ['commentary CSS (KB raw / gz)', ...rows.map((r) => `${kb(r.page.css.raw)} / ${kb(r.page.css.gzip)}`)],
    ['commentary JS (KB raw / gz)', ...rows.map((r) => `${kb(r.page.js.raw)} / ${kb(r.page.js.gzip)}`)],
    ...['word', 'phrase', 'place'].flatMap((kind) => [
      [
        `search ${rows[0]?.search[kind].query}: fetched with the counts, gzip (KB)`,
        ...rows.map((r) => kb(r.search[kind].bytes)),
      ],
      [
        `search ${rows[0]?.search[kind].query}: of which until results (KB)`,
        ...rows.map((r) => kb(r.search[kind].toResults)),
      ],
      [
        `search ${rows[0]?.search[kind].query}: requests`,
        ...rows.map((r) => String(r.search[kind].requests)),
      ],
      [
        `search ${rows[0]?.search[kind].query}: to results (ms)`,
        ...rows.map((r) => String(r.search[kind].ms)),
      ],
      [`search ${rows[0]?.search[kind].query}: matches`, ...rows.map((r) => String(r.search[kind].results))],
    ]),
    [
      `last keystroke → results, "${rows[0]?.search.typing.query}" (ms, median of 5)`,
      ...rows.map((r) => String(r.search.typing.median)),
    ],
    ...(rows[0]?.search.relevance ?? []).map((q, i) => [
      `top 5 for ${q.query}: open a passage saying it`,
      ...rows.map(
        (r) =>
          `${r.search.relevance[i].opening} of ${r.search.relevance[i].top} (${r.search.relevance[i].kinds})`,
      ),
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(
    `\n${line(table[0])}\n| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  );
  for (const row of table.slice(1)) console.log(line(row));
}
