#!/usr/bin/env node
// Every test, in order: types and lint, unit tests, the editors' safety net (real scripts and builds
// on broken content); then the browser suites on the fixture content (e2e/fixtures/content, built
// under a sub-path); then the live suite (e2e/live/: invariants only) on the real content built at
// the domain root, and again with a generated analysis added to a copy of it; last the search budget
// at scale: a generated 1,000-commentary site, built, whose first search must fetch under 120 KB (140 KB for a quoted phrase).
// Extra arguments go to Playwright, e.g. `npm test -- e2e/reading.spec.ts`. e2e/README.md has more.
// Ctrl+C, SIGTERM, SIGHUP or the end of `npm test` stops the step under way and the rest.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const live = { E2E_SUITE: 'live', E2E_BASE: '/', E2E_DIST: `${env.E2E_DIST}-live` };
const added = { ...live, E2E_DIST: `${env.E2E_DIST}-added`, E2E_VISITED_DIST: live.E2E_DIST };
const siteUrl = process.env.SITE_URL ?? 'https://perspectives.example.org';
const started = Date.now();
const times = [];

// Each step runs in a process group of its own, so that a stop reaches all it started (npm's shell
// would not pass a signal on to Vitest, nor Vitest to its workers, had they died first).
let current;
onStop((signal) => {
  if (!current) process.exit(exitCodeFor(signal));
  current.on('exit', () => process.exit(exitCodeFor(signal)));
  try {
    process.kill(-current.pid, signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  } catch {
    // The step had just ended.
  }
});

async function step(title, command, args, extraEnv = {}) {
  console.log(`\n▶ ${title}`);
  const t0 = Date.now();
  current = spawn(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv }, detached: true });
  const status = await new Promise((done) => current.on('exit', (code) => done(code ?? 1)));
  current = undefined;
  if (status !== 0) {
    console.error(`\n✗ ${title} failed.`);
    process.exit(status);
  }
  times.push(`${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${title}`);
}

const bin = (name) => `node_modules/.bin/${name}`;
const build = (title, out, base, contentDir) =>
  step(title, process.execPath, ['scripts/build.mjs', '--out', out], {
    BASE_PATH: base,
    SITE_URL: siteUrl,
    ...(contentDir ? { CONTENT_DIR: contentDir } : {}),
  });
const playwrightArgs = process.argv.slice(2);
await step('Types and lint', 'npm', ['run', '--silent', 'check']);
await step('Unit tests', 'npm', ['run', '--silent', 'test:unit']);
await step('Content safety: broken content, atomic and reproducible builds', 'npm', [
  'run',
  '--silent',
  'test:content',
]);
// The fixture's images are drawn, not committed (a lead image and a portrait, e2e/fixture-images.mjs).
await step('Draw the fixture content’s images', process.execPath, ['e2e/fixture-images.mjs']);
await build(`Build the fixture content under ${env.E2E_BASE}`, env.E2E_DIST, env.E2E_BASE, fixture);
// A small generated site for e2e/search-relevance.spec.ts (served by the spec itself).
await step('Build the search relevance corpus', process.execPath, ['e2e/relevance-corpus.mjs']);
await step('Browser suites on the fixture content', bin('playwright'), ['test', ...playwrightArgs]);
await build('Build the real content at /', live.E2E_DIST, live.E2E_BASE);
await step(
  'Live suite on the real content, at /',
  bin('playwright'),
  ['test', '--pass-with-no-tests', ...playwrightArgs],
  live,
);
// Publishing one more analysis must keep the live suite green: a generated one, added to a copy.
const scratch = mkdtempSync(join(tmpdir(), 'perspectives-added-'));
try {
  const content = join(scratch, 'content');
  cpSync('content', content, { recursive: true });
  await step('Add a generated analysis to a copy of the content', bin('vite-node'), [
    'scripts/add-analysis.ts',
    content,
  ]);
  await build('Build it at /', added.E2E_DIST, added.E2E_BASE, content);
  await step(
    'Live suite with the generated analysis added (its new pages visited one by one)',
    bin('playwright'),
    ['test', '--pass-with-no-tests', ...playwrightArgs],
    added,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
// Recombines the real passages read from the real build (their text does not depend on the base
// path) rather than building the real content once more.
await step(
  'First search at 1,000 commentaries: 120 KB (phrase 140) to results, 150 ms a keystroke',
  'npm',
  ['run', '--silent', 'test:scale'],
  { BENCH_REAL_DIST: live.E2E_DIST },
);
console.log(`\n${times.join('\n')}\n${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  in all`);
