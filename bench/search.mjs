// Measures a reader's first search in headless Chromium against the built site on a local static
// server: every byte the browser fetches from opening /search/?q=… until the results are on screen
// (raw, and as a gzip-serving host would send it), the time that takes, and the number of matches.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createStaticServer, listen } from '../scripts/serve.mjs';

export const QUERIES = { word: 'fentanyl', phrase: '"face-to-face diplomacy"' };

/** Debian's Chromium, CHROMIUM_PATH, or Playwright's own browser. */
function executablePath() {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Opens the search page for one query in a fresh browser context (nothing cached) and measures it. */
async function firstSearch(browser, origin, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (response) => {
    bodies.push(
      response.body().then(
        (body) => body,
        () => Buffer.alloc(0),
      ),
    );
  });
  const started = Date.now();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  const status = page.locator('[data-search-status]');
  await status.filter({ hasText: /match/ }).waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  const summary = (await status.textContent()) ?? '';
  const fetched = await Promise.all(bodies);
  await context.close();
  // Pagefind's index files are compressed already: a host gains nothing by compressing them again.
  const size = (list) => list.reduce((sum, body) => sum + Math.min(body.length, gzipSync(body).length), 0);
  return {
    query,
    ms,
    results: Number(/(\d+) passages? match/.exec(summary)?.[1] ?? 0),
    requests: fetched.length,
    bytesRaw: fetched.reduce((sum, body) => sum + body.length, 0),
    bytes: size(fetched),
  };
}

/** Serves `dist` at the domain root and measures a one-word and a phrase query. */
export async function measureSearch(dist) {
  const server = createStaticServer({ root: dist, base: '/' });
  const { port } = await listen(server, 0, '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: executablePath(),
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    chromiumSandbox: false,
  });
  try {
    const origin = `http://127.0.0.1:${port}`;
    return {
      word: await firstSearch(browser, origin, QUERIES.word),
      phrase: await firstSearch(browser, origin, QUERIES.phrase),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
