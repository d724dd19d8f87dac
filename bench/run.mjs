#!/usr/bin/env node
// npm run bench [-- --commentaries 300,1000,3000] [--json] [--keep] [--rebuild] [--runs 3]
//                [--builds-only] [--code <checkout>] [--node <path>]
// Generates synthetic corpora of the given sizes, builds each in a scratch project under bench/out/,
// and prints build time (Astro and indexing), peak memory, output size, page weight and search cost.
// --rebuild: after the clean build, appends a sentence to one commentary and builds again, the way
// an editor's edit is published; its phases and CPU time are printed beside the clean build's.
// --runs N: N clean builds (caches removed) and, with --rebuild, N rebuilds, alternated; medians.
// --builds-only: no page weight or search (no browser). --code: build the code of another checkout
// (e.g. a worktree of an older commit) on the same corpus, for a before-and-after, with that
// checkout's own node_modules when it has them; --node: the Node that runs the build (default: this
// one), e.g. /usr/bin/node for a commit from before the project's Node came with its dependencies.
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus } from './corpus.mjs';
import { OUT, build, editOneCommentary, realPassages, scratchProject } from './project.mjs';
import { measureSearch } from './search.mjs';

const { values } = parseArgs({
  options: {
    commentaries: { type: 'string', default: '300,1000,3000' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    'builds-only': { type: 'boolean', default: false },
    code: { type: 'string' },
    node: { type: 'string' },
    real: { type: 'string' },
  },
});
const runs = Number(values.runs);
const buildWith = values.node ? { node: values.node } : {};
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs takes a whole number of at least 1');
  process.exit(2);
}
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

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(numbers) {
  const sorted = numbers.filter((n) => typeof n === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One timing made of the medians of several builds' timings, field by field (numbers only). */
function medianTiming(timings) {
  const merge = (values) =>
    typeof values[0] === 'object' && values[0] !== null
      ? Object.fromEntries(Object.keys(values[0]).map((key) => [key, merge(values.map((v) => v[key]))]))
      : median(values);
  return { ...merge(timings), runs: timings.length };
}

/** Removes what a build keeps for the next one, so that the next build is a clean one. */
async function forgetBuilds(dir) {
  for (const path of [
    'dist',
    '.build',
    '.astro',
    'node_modules/.astro',
    'node_modules/.vite',
    'node_modules/.cache',
  ])
    await rm(join(dir, path), { recursive: true, force: true });
}

const mb = (bytes) => Math.round(bytes / 2 ** 20);

/** A build's figures in a line: wall, CPU of the tree and by process, phases, pages rendered/copied, memory. */
function describeBuild(name, t) {
  const s = (ms) => (ms / 1000).toFixed(1);
  const p = (x) => (x === null ? '–' : x.toFixed(1));
  return (
    `${name}: ${s(t.totalMs)} s wall; CPU ${t.cpu.tree === null ? '–' : t.cpu.tree.toFixed(1)} s (check ` +
    `${t.cpu.check.toFixed(1)}, Astro ${t.cpu.astro.toFixed(1)}, children not waited for ${t.cpu.children.toFixed(1)}); check ${p(t.phases.check)}, content sync ` +
    `${p(t.phases.contentSync)}, entrypoints ${p(t.phases.entrypoints)}, pages ${p(t.phases.pages)} ` +
    `(${t.phases.rendered} rendered, ${t.phases.restored} copied), Pagefind ${p(t.phases.pagefind)} s after the pages` +
    (t.phases.pagefindBeside === null ? '' : ` (${p(t.phases.pagefindBeside)} s in all, beside them)`) +
    `; ` +
    `peak memory ${mb(t.peakRss)} MB one process, ${mb(t.peakTreeRss)} MB all at once`
  );
}

const real = await realPassages({ log, ...(values.real ? { dist: values.real } : {}) });
const rows = [];
for (const count of sizes) {
  const dir = join(OUT, `n${count}`);
  log(`\n${count} commentaries: generating…`);
  await scratchProject(dir, generateCorpus({ count, ...real }), values.code ? { code: values.code } : {});
  const cleans = [];
  const rebuilds = [];
  const nextRebuilds = [];
  for (let i = 1; i <= runs; i++) {
    await forgetBuilds(dir);
    log(`${count} commentaries: building (clean, ${i} of ${runs})…`);
    cleans.push(await build(dir, buildWith));
    log(describeBuild('  clean', cleans.at(-1)));
    if (values.rebuild) {
      log(`${count} commentaries: editing ${await editOneCommentary(dir)} and building again…`);
      rebuilds.push(await build(dir, buildWith));
      log(describeBuild('  rebuild', rebuilds.at(-1)));
      // The first rebuild after a clean build has no earlier site to build into (scripts/kept.mjs);
      // every later one does, as when an editor publishes edit after edit.
      log(`${count} commentaries: editing ${await editOneCommentary(dir)} again and building again…`);
      nextRebuilds.push(await build(dir, buildWith));
      log(describeBuild('  next rebuild', nextRebuilds.at(-1)));
    }
  }
  const timing = runs === 1 ? cleans[0] : medianTiming(cleans);
  const rebuild = values.rebuild ? (runs === 1 ? rebuilds[0] : medianTiming(rebuilds)) : undefined;
  const nextRebuild = values.rebuild
    ? runs === 1
      ? nextRebuilds[0]
      : medianTiming(nextRebuilds)
    : undefined;
  if (values['builds-only']) {
    rows.push({
      commentaries: count,
      clean: timing,
      ...(rebuild ? { rebuild, nextRebuild } : {}),
      cleans,
      rebuilds,
      nextRebuilds,
    });
    if (!values.keep) await rm(dir, { recursive: true, force: true });
    continue;
  }
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
    peakRssMB: mb(timing.peakRss),
    peakTreeRssMB: mb(timing.peakTreeRss),
    phases: timing.phases,
    cpu: timing.cpu,
    files: output.length,
    outputMB: Number((output.reduce((s, f) => s + f.bytes, 0) / 2 ** 20).toFixed(2)),
    indexMB: Number((index.reduce((s, f) => s + f.bytes, 0) / 2 ** 20).toFixed(2)),
    page: weight,
    search,
    ...(rebuild ? { rebuild, nextRebuild } : {}),
  });
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}

if (values['builds-only']) {
  if (values.json) console.log(JSON.stringify({ rows }, null, 2));
  else
    for (const row of rows) {
      console.log(`\n${row.commentaries} commentaries, medians of ${runs}:`);
      console.log(describeBuild('clean build', row.clean));
      if (row.rebuild) {
        console.log(describeBuild('rebuild after one edit', row.rebuild));
        console.log(describeBuild('next rebuild after one edit', row.nextRebuild));
        for (const [name, t] of [
          ['rebuild', row.rebuild],
          ['next rebuild', row.nextRebuild],
        ]) {
          const share = row.clean.cpu.tree
            ? ` = ${((100 * t.cpu.tree) / row.clean.cpu.tree).toFixed(0)} %`
            : '';
          console.log(
            `${name} / clean build, CPU: ${t.cpu.tree?.toFixed(1)} / ${row.clean.cpu.tree?.toFixed(1)}${share}`,
          );
        }
      }
    }
} else if (values.json) {
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
    ['CPU: whole build, user + system (s)', ...rows.map((r) => r.cpu.tree?.toFixed(1) ?? '–')],
    ...(values.rebuild
      ? [
          ['rebuild after one edit, total (s)', ...rows.map((r) => (r.rebuild.totalMs / 1000).toFixed(1))],
          ['rebuild CPU, user + system (s)', ...rows.map((r) => r.rebuild.cpu.tree?.toFixed(1) ?? '–')],
          [
            'rebuild: pages rendered / copied',
            ...rows.map((r) => `${r.rebuild.phases.rendered} / ${r.rebuild.phases.restored}`),
          ],
        ]
      : []),
    ['build per commentary (ms)', ...rows.map((r) => r.msPerCommentary.toFixed(1))],
    ['peak memory, one process (MB)', ...rows.map((r) => String(r.peakRssMB))],
    ['peak memory, all processes at once (MB)', ...rows.map((r) => String(r.peakTreeRssMB))],
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
