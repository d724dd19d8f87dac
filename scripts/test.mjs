#!/usr/bin/env node
// Every test, in order: types and lint, unit tests, the editors' safety net (real scripts and builds
// on broken content), then a real build under a sub-path and the browser suite against it, then a
// build at the domain root and the tests tagged @root against that, and last the search budget at
// scale: a generated 1,000-commentary site, built, whose first search must fetch under 150 KB.
// Extra arguments go to Playwright, e.g. `npm test -- e2e/reading.spec.ts`.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  E2E_BASE: process.env.E2E_BASE ?? '/some/sub/path/',
  E2E_DIST: process.env.E2E_DIST ?? '.build/test-dist',
};
const root = { E2E_BASE: '/', E2E_DIST: `${env.E2E_DIST}-root` };
const siteUrl = process.env.SITE_URL ?? 'https://perspectives.example.org';

function step(title, command, args, extraEnv = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

const bin = (name) => `node_modules/.bin/${name}`;
const playwrightArgs = process.argv.slice(2);
step('Types and lint', 'npm', ['run', '--silent', 'check']);
step('Unit tests', 'npm', ['run', '--silent', 'test:unit']);
step('Content safety: broken content, atomic and reproducible builds', 'npm', [
  'run',
  '--silent',
  'test:content',
]);
step(`Build under ${env.E2E_BASE}`, process.execPath, ['scripts/build.mjs', '--out', env.E2E_DIST], {
  BASE_PATH: env.E2E_BASE,
  SITE_URL: siteUrl,
});
// A small generated site for e2e/search-relevance.spec.ts (served by the spec itself).
step('Build the search relevance corpus', process.execPath, ['e2e/relevance-corpus.mjs']);
step('End-to-end tests in Chromium', bin('playwright'), ['test', ...playwrightArgs]);
if (env.E2E_BASE !== root.E2E_BASE) {
  // The same site served at the domain root: search links and Pagefind's paths must follow.
  step('Build at /', process.execPath, ['scripts/build.mjs', '--out', root.E2E_DIST], {
    BASE_PATH: root.E2E_BASE,
    SITE_URL: siteUrl,
  });
  step(
    'End-to-end tests tagged @root, at /',
    bin('playwright'),
    ['test', '--grep', '@root', '--pass-with-no-tests', ...playwrightArgs],
    root,
  );
}
// Recombines the real passages read from the build under the sub-path (their text does not
// depend on the base path) rather than building the real content once more.
step(
  'First search at 1,000 commentaries: 120 KB to results, 150 ms a keystroke',
  'npm',
  ['run', '--silent', 'test:scale'],
  {
    BENCH_REAL_DIST: env.E2E_DIST,
  },
);
