import { availableParallelism } from 'node:os';
import { chromium, defineConfig, devices } from '@playwright/test';
import { BASE, DIST, ORIGIN, PORT, chromiumPath } from './e2e/env.ts';

const executablePath = chromiumPath(() => chromium.executablePath());
/**
 * E2E_SUITE=live runs only the live suite (e2e/live/: invariants that hold for any content) on a
 * build of the real content; by default the fixture suites run on the fixture build (e2e/README.md),
 * with the live suite's checks of links and pages but not its visits of every page one by one.
 */
const LIVE = process.env.E2E_SUITE === 'live';

export default defineConfig({
  testDir: 'e2e',
  testMatch: LIVE ? 'live/**/*.spec.ts' : '**/*.spec.ts',
  // The fixture run keeps the live checks of links and pages (under its sub-path); the others need
  // no second run on content the live runs already cover.
  testIgnore: LIVE
    ? []
    : ['live/seed.spec.ts', 'live/budgets.spec.ts', 'live/csp.spec.ts', 'live/sharing.spec.ts'],
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Two workers even on two cores (Playwright's default would be one): a test spends much of its
  // time waiting on the browser or the network, which another test's work fills. The identity spec,
  // which builds its publication once, runs its tests in order, in one worker.
  workers: Math.max(2, Math.ceil(availableParallelism() / 2)),
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `${ORIGIN}${BASE}`,
    trace: 'off',
    launchOptions: {
      executablePath,
      // The machine has no network beyond the package registries: keep Chromium from calling home.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
      chromiumSandbox: false,
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      grepInvert: LIVE ? /@phone/ : /@phone|@every-page/,
    },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, grep: /@phone/ },
  ],
  webServer: {
    command: `node scripts/serve.mjs --dir ${DIST} --port ${PORT}`,
    env: { BASE_PATH: BASE },
    url: `${ORIGIN}${BASE}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
