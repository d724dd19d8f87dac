import { chromium, defineConfig, devices } from '@playwright/test';
import { BASE, DIST, ORIGIN, PORT, chromiumPath } from './e2e/env';

const executablePath = chromiumPath(() => chromium.executablePath());

export default defineConfig({
  testDir: 'e2e',
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
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, grepInvert: /@phone/ },
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
