// Scratch projects for measuring the site at scale, shared by the benchmark (bench/run.mjs) and the
// budget test (bench/budget.mjs): the real code with a generated content folder, built exactly as
// `npm run build` builds it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { buildPhases, processCpu } from './phases.mjs';
import { readOpenData } from '../src/outputs/open-data-read.mjs';

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
export const OUT = join(ROOT, 'bench', 'out');
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'scripts'];

/**
 * The resident memory in bytes of a process and all its descendants together, from /proc (Linux
 * only; 0 elsewhere or once the process is gone).
 */
export function treeRss(pid) {
  let bytes = 0;
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    bytes += kb ? Number(kb[1]) * 1024 : 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) bytes += treeRss(child);
    }
  } catch {
    // The process ended while it was read.
  }
  return bytes;
}

/**
 * Runs a command; resolves with its exit code, output, wall time in ms and the peak of the
 * memory its whole process tree held at once (`treeRss`, sampled every 200 ms).
 */
export function run(command, args, options) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakTreeRss = 0;
    const sampler = setInterval(() => (peakTreeRss = Math.max(peakTreeRss, treeRss(child.pid))), 200);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => {
      clearInterval(sampler);
      done({ code: code ?? 1, output, ms: performance.now() - started, peakTreeRss });
    });
  });
}

/**
 * A scratch project: the real code (or the code of another checkout, `code`, e.g. a worktree of an
 * older commit, for a before-and-after), a generated content folder, node_modules linked entry by
 * entry: the checkout's own when it has them (an older commit ran on its own dependencies), else
 * this project's.
 */
export async function scratchProject(dir, corpus, { code = ROOT } = {}) {
  const modules = existsSync(join(code, 'node_modules'))
    ? join(code, 'node_modules')
    : join(ROOT, 'node_modules');
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  for (const file of [...PROJECT_FILES, 'package-lock.json']) {
    if (existsSync(join(code, file))) await cp(join(code, file), join(dir, file), { recursive: true });
  }
  // Link packages one by one so that caches (node_modules/.astro, .vite) stay per project.
  for (const entry of await readdir(modules)) {
    if (!entry.startsWith('.')) await symlink(join(modules, entry), join(dir, 'node_modules', entry));
  }
  await mkdir(join(dir, 'node_modules', '.bin'));
  for (const bin of await readdir(join(modules, '.bin'))) {
    await symlink(join(modules, '.bin', bin), join(dir, 'node_modules', '.bin', bin));
  }
  for (const [path, text] of corpus) {
    await mkdir(dirname(join(dir, 'content', path)), { recursive: true });
    await writeFile(join(dir, 'content', path), text);
  }
}

// GNU time reports the CPU time of the whole process tree (Pagefind's own process included).
const TIME = '/usr/bin/time';

/**
 * Builds a project the way `npm run build` does, measuring wall time, indexing time, peak memory,
 * each phase (`phases.mjs`), the CPU time of the check's and Astro's processes and, where GNU time
 * is installed, of the whole process tree (`cpu.tree`, user + system seconds). `node` runs the build
 * and every Node process it starts (first on the PATH): by default this benchmark's own Node.
 */
export async function build(dir, { node = process.execPath } = {}) {
  const rssFile = join(dir, 'maxrss.txt');
  await rm(rssFile, { force: true });
  const timed = existsSync(TIME);
  const command = [node, 'scripts/build.mjs'];
  const result = await run(
    timed ? TIME : command[0],
    timed ? ['-f', 'BENCH_TIME %U %S', ...command] : command.slice(1),
    {
      cwd: dir,
      env: {
        ...process.env,
        PATH: `${dirname(node)}:${process.env.PATH}`,
        ASTRO_TELEMETRY_DISABLED: '1',
        BASE_PATH: '/',
        NODE_OPTIONS: `--require ${join(ROOT, 'bench', 'maxrss.cjs')}`,
        BENCH_MAXRSS_FILE: rssFile,
      },
    },
  );
  if (result.code !== 0)
    throw new Error(`Build of ${relative(ROOT, dir)} failed:\n${result.output.slice(-3000)}`);
  const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
  const rss = [0, ...lines.map((line) => Number(line.split('\t')[0]) || 0)];
  const indexing = /Indexed \d+ (?:records|passages) for search .*? in (\d+) ms\./.exec(result.output);
  const indexMs = indexing ? Number(indexing[1]) : 0;
  const time = /^BENCH_TIME (\S+) (\S+)$/m.exec(result.output);
  const cpu = processCpu(lines);
  return {
    totalMs: result.ms,
    indexMs,
    astroMs: result.ms - indexMs,
    peakRss: Math.max(...rss),
    // All the build's processes at once (Astro's and Pagefind's overlap), sampled.
    peakTreeRss: result.peakTreeRss,
    phases: buildPhases(result.output),
    // GNU time counts the processes that were waited for; add those that were not (Pagefind's).
    cpu: { ...cpu, tree: time ? Number(time[1]) + Number(time[2]) + cpu.children : null },
  };
}

/** The sentence `editOneCommentary` appends. */
export const EDIT = 'One sentence added by the benchmark to measure a rebuild.';

/**
 * Appends a sentence to the last paragraph of one commentary of a project (the first in file
 * order), as an editor's small edit would; returns its path in the content folder.
 */
export async function editOneCommentary(dir) {
  const top = join(dir, 'content', 'commentaries');
  const [analysis] = (await readdir(top)).sort();
  const [file] = (await readdir(join(top, analysis))).sort();
  const path = join(top, analysis, file);
  const text = await readFile(path, 'utf8');
  await writeFile(path, `${text.trimEnd()} ${EDIT}\n`);
  return relative(join(dir, 'content'), path);
}

/** The open data of a site cut to the analyses `ids`, with their commentaries, in the site's order. */
export function onlyAnalyses(data, ids) {
  const keep = new Set(ids);
  return {
    ...data,
    analyses: data.analyses.filter((a) => keep.has(a.id)),
    commentaries: data.commentaries.filter((c) => keep.has(c.analysis)),
  };
}

/**
 * The real passages, questions, analysis title and themes the generated corpora are made of.
 * Reads them from a site already built from the real content (`dist`), or builds one in bench/out/real.
 */
export async function realPassages({ dist, log = console.log } = {}) {
  if (!dist) {
    log('Building the real content once, to recombine its passages…');
    dist = join(OUT, 'real', 'dist');
    const result = await run(process.execPath, ['scripts/build.mjs', '--out', dist], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' },
    });
    if (result.code !== 0) throw new Error(`The real build failed:\n${result.output.slice(-3000)}`);
  }
  const all = readOpenData(dist);
  // Only the analyses of content/ (a commentary's folder is its analysis's id): the site may hold
  // more, as npm test's live build does, which adds a generated analysis to a copy of content/.
  const data = onlyAnalyses(all, await readdir(join(ROOT, 'content', 'commentaries')));
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
