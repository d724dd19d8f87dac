/** Where the e2e suite finds the built site: the test command builds it under a sub-path. */
import { existsSync } from 'node:fs';
import { normalizeBase } from '../src/outputs/hosting.mjs';

export const BASE = normalizeBase(process.env.E2E_BASE ?? '/some/sub/path/');
export const DIST = process.env.E2E_DIST ?? '.build/test-dist';
export const PORT = Number(process.env.E2E_PORT ?? 4391);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
/** The public address the test build was made for (SITE_URL and the base path): canonical links, feeds, citations. */
export const PUBLIC = new URL(BASE, process.env.SITE_URL ?? 'https://perspectives.example.org').href;

/** The browser to drive: CHROMIUM_PATH, Debian's Chromium, or Playwright's own; fails in one line otherwise. */
export function chromiumPath(playwrightOwn: () => string): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  let own = '';
  try {
    own = playwrightOwn();
  } catch {
    own = '';
  }
  if (own && existsSync(own)) return undefined; // Playwright finds its own browser.
  throw new Error(
    'No Chromium found: install it with `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH.',
  );
}
