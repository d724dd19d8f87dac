// Measures a reader's first search in headless Chromium against the built site on a local static
// server: every byte the browser fetches from opening /search/?q=… until the results and the filter
// counts are on screen and the network is idle (raw, and as a gzip-serving host would send it), of
// which how much before the results showed, the time to results, and the number of matches.
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

/** Pagefind's index files are compressed already: a host gains nothing by compressing them again. */
const sent = (body) => Math.min(body.length, gzipSync(body).length);

/**
 * Opens the search page for one query in a fresh browser context (nothing cached) and measures it.
 * Counted: every response until the network is idle once the results are on screen, which
 * includes what the page loads after them (the facet file, for the counts). `toResults` counts
 * only the page and the requests the browser started before the results showed.
 */
async function firstSearch(browser, origin, query) {
  const context = await browser.newContext();
  // When the result summary first appears, in the page's own clock (that of Resource Timing).
  await context.addInitScript(() => {
    new MutationObserver(() => {
      const status = document.querySelector('[data-search-status]');
      if (window.__resultsShownAt === undefined && /match/.test(status?.textContent ?? ''))
        window.__resultsShownAt = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => {
    responses.push(
      response.body().then(
        (body) => ({ url: response.url(), document: response.request().isNavigationRequest(), body }),
        () => ({ url: response.url(), document: false, body: Buffer.alloc(0) }),
      ),
    );
  });
  const started = Date.now();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  const status = page.locator('[data-search-status]');
  await status.filter({ hasText: /match/ }).waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  const summary = (await status.textContent()) ?? '';
  await page.waitForLoadState('networkidle');
  // The counts are filled once the facet file is read and matched to the index: a search that
  // could not count (a missing or mismatched file) must not pass for a lighter one.
  // Every passage has one expert, so the experts' counts add up to the matches.
  const counted = (
    await page.locator('label:has(input[name="expert"]) [data-count]').allTextContents()
  ).reduce((sum, text) => sum + (Number.parseInt(text, 10) || 0), 0);
  const failed = await page.locator('[data-search-error]').isVisible();
  const before = new Set(
    await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= window.__resultsShownAt)
        .map((entry) => entry.name),
    ),
  );
  const fetched = await Promise.all(responses);
  await context.close();
  const first = fetched.filter((r) => r.document || before.has(r.url));
  const list = (rs) => rs.map((r) => ({ path: new URL(r.url).pathname, bytes: sent(r.body) }));
  return {
    query,
    ms,
    results: Number(/(\d+) passages? match/.exec(summary)?.[1] ?? 0),
    counted,
    failed,
    requests: fetched.length,
    bytesRaw: fetched.reduce((sum, r) => sum + r.body.length, 0),
    bytes: fetched.reduce((sum, r) => sum + sent(r.body), 0),
    toResults: first.reduce((sum, r) => sum + sent(r.body), 0),
    fetched: list(fetched),
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
