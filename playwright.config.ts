import { chromium, defineConfig, devices } from '@playwright/test';
import { BASE, DIST, ORIGIN, PORT, chromiumPath } from './e2e/env';

const executablePath = chromiumPath(() => chromium.executablePath());
/**
 * E2E_SUITE=live runs only the live suite (e2e/live/: invariants that hold for any content) on a
 * build of the real content; by default every suite runs on the fixture build (e2e/README.md), but
 * not the seed analysis's tests, nor the live tests that visit every page one by one in the browser.
 */
const LIVE = process.env.E2E_SUITE === 'live';

export default defineConfig({
  testDir: 'e2e',
  testMatch: LIVE ? 'live/**/*.spec.ts' : '**/*.spec.ts',
  testIgnore: LIVE ? [] : ['live/seed.spec.ts'],
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
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
