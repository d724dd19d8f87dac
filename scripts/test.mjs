#!/usr/bin/env node
// Every test, in order: types and lint, unit tests, the editors' safety net (real scripts and builds
// on broken content); then the browser suites on the fixture content (e2e/fixtures/content, built
// under a sub-path); then the live suite (e2e/live/: invariants only) on the real content with a
// generated analysis added to a copy of it, built at the domain root, and beside it the search
// budget at scale: a generated 1,000-commentary site, built, whose first search must fetch under
// 120 KB (140 KB for a quoted phrase) and whose home and theme pages must stay bounded.
// Extra arguments go to Playwright, e.g. `npm test -- e2e/reading.spec.ts`. e2e/README.md has more.
// Ctrl+C, SIGTERM, SIGHUP or the end of `npm test` stops the step under way and the rest.
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OUT, scratchProject } from '../bench/project.mjs';
import { exitCodeFor, onStop } from './signals.mjs';
import { requireSupportedNode } from './runtime.mjs';

requireSupportedNode('scripts/test.mjs');

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  E2E_BASE: process.env.E2E_BASE ?? '/some/sub/path/',
  E2E_DIST: process.env.E2E_DIST ?? '.build/test-dist',
};
const fixture = 'e2e/fixtures/content';
// The live suite runs on the real content with a generated analysis added, built at the domain root.
const live = { E2E_SUITE: 'live', E2E_BASE: '/', E2E_DIST: `${env.E2E_DIST}-live` };
const siteUrl = process.env.SITE_URL ?? 'https://perspectives.example.org';
const started = Date.now();
const times = [];

// Each step runs in a process group of its own, so that a stop reaches all it started (npm's shell
// would not pass a signal on to Vitest, nor Vitest to its workers, had they died first).
const running = new Set();
onStop((signal) => {
  if (running.size === 0) process.exit(exitCodeFor(signal));
  let left = running.size;
  for (const child of running) {
    child.on('exit', () => {
      if (--left === 0) process.exit(exitCodeFor(signal));
    });
    try {
      process.kill(-child.pid, signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
    } catch {
      // The step had just ended.
    }
  }
});

/** The lines that sum up a step that passed: Vitest's counts, what a build or script made. */
const SUMMARY = /^\s*(Test Files|Tests)\s|^(Built|Added) /;

/** Ends the run with a failed step's exit code, stopping any step still running beside it. */
function fail(code) {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // It had just ended.
    }
  }
  process.exit(code);
}

/**
 * Runs one step and resolves when it has passed; a failed step ends the whole run. A step `beside`
 * another runs at the same time (the machine has two cores, and a browser suite keeps one busy): its
 * output is held back, printed in full if it fails and by its summary lines if it passes.
 */
function step(title, command, args, extraEnv = {}, { beside = false, cwd, summary = SUMMARY } = {}) {
  if (!beside) console.log(`\n▶ ${title}`);
  const t0 = Date.now();
  const child = spawn(command, args, {
    stdio: beside ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...env, ...extraEnv },
    detached: true,
    cwd,
  });
  running.add(child);
  let output = '';
  if (beside) {
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
  }
  return new Promise((done) => {
    child.on('close', (code) => {
      running.delete(child);
      if (beside) {
        const lines = output.trimEnd().split('\n');
        const kept = lines.filter((line) => summary.test(line.replace(/\u001b\[[\d;]*m/g, '')));
        const shown = code !== 0 ? lines : kept.length > 0 ? kept : lines.slice(-1);
        console.log(`\n▶ ${title} (beside)\n${shown.join('\n')}`);
      }
      if (code !== 0) {
        console.error(`\n✗ ${title} failed.`);
        fail(code ?? 1);
      }
      times.push(
        `${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${title}${beside ? ' (beside)' : ''}`,
      );
      done();
    });
  });
}

const bin = (name) => resolve(`node_modules/.bin/${name}`);
const build = (title, out, base, contentDir, options) =>
  step(
    title,
    process.execPath,
    // Relative to the project it runs in (options.cwd), the scratch project's own copy included.
    ['scripts/build.mjs', '--out', resolve(out)],
    { BASE_PATH: base, SITE_URL: siteUrl, ...(contentDir ? { CONTENT_DIR: contentDir } : {}) },
    options,
  );
const playwrightArgs = process.argv.slice(2);
// The unit tests run beside the types and lint: neither writes what the other reads (the unit tests'
// Astro config does not sync the content, astro check does).
await Promise.all([
  step('Types and lint', 'npm', ['run', '--silent', 'check']),
  step('Unit tests', 'npm', ['run', '--silent', 'test:unit'], {}, { beside: true }),
]);
await step('Content safety: broken content, atomic and reproducible builds', 'npm', [
  'run',
  '--silent',
  'test:content',
]);
// The fixture's images are drawn, not committed (a lead image and a portrait, e2e/fixture-images.mjs).
await step('Draw the fixture content’s images', process.execPath, ['e2e/fixture-images.mjs']);
// The relevance corpus (for e2e/search-relevance.spec.ts, which serves it itself) is built in a
// project of its own (bench/out/relevance), so it can be built beside the fixture content.
await Promise.all([
  build(`Build the fixture content under ${env.E2E_BASE}`, env.E2E_DIST, env.E2E_BASE, fixture),
  step(
    'Build the search relevance corpus',
    process.execPath,
    ['e2e/relevance-corpus.mjs'],
    {},
    { beside: true },
  ),
]);
// Publishing one more analysis must keep the live suite green: a generated one is added to a copy of
// the real content, and the live suite runs once, on that build. It holds every real page too, so
// the real content alone needs no build or run of its own. The copy is built in a scratch project
// (the real code, node_modules linked: bench/project.mjs) whose content store is its own, so that it
// builds beside the fixture suites (whose identity spec builds in this project).
const project = join(OUT, 'added');
await scratchProject(project, []);
cpSync('content', join(project, 'content'), { recursive: true });
const added = step(
  'Add a generated analysis to a copy of the content',
  bin('vite-node'),
  ['scripts/add-analysis.ts', join(project, 'content')],
  {},
  { beside: true },
).then(() =>
  build('Build the real content with it at /', live.E2E_DIST, live.E2E_BASE, undefined, {
    beside: true,
    cwd: project,
  }),
);
await step('Browser suites on the fixture content', bin('playwright'), ['test', ...playwrightArgs]);
await added;
rmSync(project, { recursive: true, force: true });
// The search budget at scale runs beside the live suite: it builds and serves a project of its own
// (bench/out/, a port of its own), and what it asserts are bytes and counts, which load does not
// move. It recombines the real passages read from the live build (their text does not depend on
// the base path nor on the added analysis, which realPassages leaves out) rather than building them.
await Promise.all([
  step(
    'Live suite on the real content with a generated analysis added, at /',
    bin('playwright'),
    ['test', '--pass-with-no-tests', ...playwrightArgs],
    live,
  ),
  step(
    'First search at 1,000 commentaries: 120 KB (phrase 140) to results; the keystroke time printed',
    'npm',
    ['run', '--silent', 'test:scale'],
    { BENCH_REAL_DIST: live.E2E_DIST },
    // Its figures, printed once it has passed.
    { beside: true, summary: /^(Built in|Home page|fentanyl|"|taiwan|Last keystroke|Within the budget)/ },
  ),
]);
console.log(`\n${times.join('\n')}\n${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  in all`);
