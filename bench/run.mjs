#!/usr/bin/env node
// npm run bench [-- --commentaries 300,1000,3000] [--json] [--keep]
// Generates synthetic corpora of the given sizes, builds each in a scratch project under bench/out/,
// and prints build time (Astro and indexing), peak memory, output size, page weight and search cost.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus } from './corpus.mjs';
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

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const OUT = join(ROOT, 'bench', 'out');
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'scripts'];
const log = (...args) => (values.json ? console.error(...args) : console.log(...args));

/** Runs a command; resolves with its exit code, output and wall time in ms. */
function run(command, args, options) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => done({ code: code ?? 1, output, ms: performance.now() - started }));
  });
}

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

/** A scratch project: the real code, a generated content folder, node_modules linked entry by entry. */
async function scratchProject(dir, corpus) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  for (const file of PROJECT_FILES) await cp(join(ROOT, file), join(dir, file), { recursive: true });
  // Link packages one by one so that caches (node_modules/.astro, .vite) stay per project.
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (!entry.startsWith('.'))
      await symlink(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  await mkdir(join(dir, 'node_modules', '.bin'));
  for (const bin of await readdir(join(ROOT, 'node_modules', '.bin'))) {
    await symlink(join(ROOT, 'node_modules', '.bin', bin), join(dir, 'node_modules', '.bin', bin));
  }
  for (const [path, text] of corpus) {
    await mkdir(dirname(join(dir, 'content', path)), { recursive: true });
    await writeFile(join(dir, 'content', path), text);
  }
}

/** Builds a project the way `npm run build` does, measuring wall time, indexing time and peak memory. */
async function build(dir) {
  const rssFile = join(dir, 'maxrss.txt');
  await rm(rssFile, { force: true });
  const result = await run(process.execPath, ['scripts/build.mjs'], {
    cwd: dir,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      BASE_PATH: '/',
      NODE_OPTIONS: `--require ${join(ROOT, 'bench', 'maxrss.cjs')}`,
      BENCH_MAXRSS_FILE: rssFile,
    },
  });
  if (result.code !== 0)
    throw new Error(`Build of ${relative(ROOT, dir)} failed:\n${result.output.slice(-3000)}`);
  const rss = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').map(Number) : [0];
  const indexing = /Indexed \d+ passages for search .*? in (\d+) ms\./.exec(result.output);
  const indexMs = indexing ? Number(indexing[1]) : 0;
  return { totalMs: result.ms, indexMs, astroMs: result.ms - indexMs, peakRss: Math.max(...rss) };
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

async function realPassages() {
  log('Building the real content once, to recombine its passages…');
  const dir = join(OUT, 'real');
  const result = await run(process.execPath, ['scripts/build.mjs', '--out', join(dir, 'dist')], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' },
  });
  if (result.code !== 0) throw new Error(`The real build failed:\n${result.output.slice(-3000)}`);
  const data = JSON.parse(await readFile(join(dir, 'dist', 'data', 'commentaries.json'), 'utf8'));
  const themes = [];
  for (const name of (await readdir(join(ROOT, 'content', 'themes'))).sort()) {
    themes.push({
      id: name.replace(/\.md$/, ''),
      source: await readFile(join(ROOT, 'content', 'themes', name), 'utf8'),
    });
  }
  return {
    passages: data.commentaries.flatMap((c) => c.passages.map((p) => ({ text: p.text, themes: p.themes }))),
    questions: data.commentaries.map((c) => c.question),
    title: data.analyses[0].title,
    themes,
  };
}

const real = await realPassages();
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
    ['build per commentary (ms)', ...rows.map((r) => r.msPerCommentary.toFixed(1))],
    ['peak memory (MB)', ...rows.map((r) => String(r.peakRssMB))],
    ['output files', ...rows.map((r) => String(r.files))],
    ['output size (MB)', ...rows.map((r) => r.outputMB.toFixed(2))],
    ['search index (MB)', ...rows.map((r) => r.indexMB.toFixed(2))],
    ['commentary HTML (KB raw / gz)', ...rows.map((r) => `${kb(r.page.html.raw)} / ${kb(r.page.html.gzip)}`)],
    ['commentary CSS (KB raw / gz)', ...rows.map((r) => `${kb(r.page.css.raw)} / ${kb(r.page.css.gzip)}`)],
    ['commentary JS (KB raw / gz)', ...rows.map((r) => `${kb(r.page.js.raw)} / ${kb(r.page.js.gzip)}`)],
    ...['word', 'phrase'].flatMap((kind) => [
      [
        `search ${rows[0]?.search[kind].query}: fetched, gzip (KB)`,
        ...rows.map((r) => kb(r.search[kind].bytes)),
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
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(
    `\n${line(table[0])}\n| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  );
  for (const row of table.slice(1)) console.log(line(row));
}
