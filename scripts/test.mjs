#!/usr/bin/env node
// Every test, in order: types and lint, unit tests, the editors' safety net (real scripts and builds
// on broken content), then a real build under a sub-path and the browser suite against it, then a
// build at the domain root and the tests tagged @root against that, and last the search budget at
// scale: a generated 1,000-commentary site, built, whose first search must fetch under 150 KB.
// Extra arguments go to Playwright, e.g. `npm test -- e2e/reading.spec.ts`.
// Ctrl+C, SIGTERM, SIGHUP or the end of `npm test` stops the step under way and the rest.
import { spawn } from 'node:child_process';
import { exitCodeFor, onStop } from './signals.mjs';

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  E2E_BASE: process.env.E2E_BASE ?? '/some/sub/path/',
  E2E_DIST: process.env.E2E_DIST ?? '.build/test-dist',
};
const root = { E2E_BASE: '/', E2E_DIST: `${env.E2E_DIST}-root` };
const siteUrl = process.env.SITE_URL ?? 'https://perspectives.example.org';

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
  current = spawn(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv }, detached: true });
  const status = await new Promise((done) => current.on('exit', (code) => done(code ?? 1)));
  current = undefined;
  if (status !== 0) {
    console.error(`\n✗ ${title} failed.`);
    process.exit(status);
  }
}

const bin = (name) => `node_modules/.bin/${name}`;
const playwrightArgs = process.argv.slice(2);
await step('Types and lint', 'npm', ['run', '--silent', 'check']);
await step('Unit tests', 'npm', ['run', '--silent', 'test:unit']);
await step('Content safety: broken content, atomic and reproducible builds', 'npm', [
  'run',
  '--silent',
  'test:content',
]);
await step(`Build under ${env.E2E_BASE}`, process.execPath, ['scripts/build.mjs', '--out', env.E2E_DIST], {
  BASE_PATH: env.E2E_BASE,
  SITE_URL: siteUrl,
});
await step('End-to-end tests in Chromium', bin('playwright'), ['test', ...playwrightArgs]);
if (env.E2E_BASE !== root.E2E_BASE) {
  // The same site served at the domain root: search links and Pagefind's paths must follow.
  await step('Build at /', process.execPath, ['scripts/build.mjs', '--out', root.E2E_DIST], {
    BASE_PATH: root.E2E_BASE,
    SITE_URL: siteUrl,
  });
  await step(
    'End-to-end tests tagged @root, at /',
    bin('playwright'),
    ['test', '--grep', '@root', '--pass-with-no-tests', ...playwrightArgs],
    root,
  );
}
// Recombines the real passages read from the build under the sub-path (their text does not
// depend on the base path) rather than building the real content once more.
await step('First search at 1,000 commentaries under 150 KB', 'npm', ['run', '--silent', 'test:scale'], {
  BENCH_REAL_DIST: env.E2E_DIST,
});
