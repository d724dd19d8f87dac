// Measures a reader's first search in headless Chromium against the built site on a local static
// server: every byte the browser fetches from opening /search/?q=… until the results and the filter
// counts are on screen and the network is idle (raw, and as a gzip-serving host would send it), of
// which how much before the results showed, the time to results, and the number of matches.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createStaticServer, listen } from '../scripts/serve.mjs';
import { readOpenData } from '../src/outputs/open-data-read.mjs';

export const QUERIES = { word: 'fentanyl', phrase: '"face-to-face diplomacy"', place: 'taiwan' };

/** The queries whose top five results are checked for opening a passage that says the words (issue 17). */
export const RELEVANCE_QUERIES = ['fentanyl', 'machine tools', 'Putin', '"face-to-face"', 'spy balloon'];

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
 * includes what the page loads after them (Pagefind's filters, for the counts). `toResults` counts
 * only the page and the requests the browser started before the results showed.
 */
async function firstSearch(browser, origin, query, params = '') {
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
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}${params}`);
  const status = page.locator('[data-search-status]');
  await status.filter({ hasText: /match/ }).waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  const summary = (await status.textContent()) ?? '';
  await page.waitForLoadState('networkidle');
  // The counts are filled once Pagefind's filters are loaded: a search that could not count must
  // not pass for a lighter one. Every commentary has one expert (an introduction none), so the
  // experts' counts add up to at most the matches, and to more than nothing.
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
    results: Number(/(\d+) results? match/.exec(summary)?.[1] ?? 0),
    counted,
    failed,
    requests: fetched.length,
    bytesRaw: fetched.reduce((sum, r) => sum + r.body.length, 0),
    bytes: fetched.reduce((sum, r) => sum + sent(r.body), 0),
    toResults: first.reduce((sum, r) => sum + sent(r.body), 0),
    fetched: list(fetched),
    /** The responses counted in `toResults`: the page and what the browser asked for before the results showed. */
    first: list(first),
  };
}

/**
 * Types a query into the search page letter by letter, as a reader does, and measures from the
 * last keystroke to its results on screen, `runs` times on a page whose index is already loaded.
 */
async function keystrokeToResults(browser, origin, query, runs = 5) {
  const page = await browser.newPage();
  await page.goto(`${origin}/search/`);
  const status = page.locator('[data-search-status]');
  await status.filter({ hasText: /Type a word/ }).waitFor({ timeout: 60_000 });
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.fill('[data-search-input]', '');
    await status.filter({ hasText: /Type a word/ }).waitFor({ timeout: 60_000 });
    await page.type('[data-search-input]', query.slice(0, -1), { delay: 30 });
    const ms = await page.evaluate(
      (last) =>
        new Promise((done) => {
          const status = document.querySelector('[data-search-status]');
          const list = document.querySelector('[data-search-results]');
          const input = document.querySelector('[data-search-input]');
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (/match/.test(status.textContent) && list.children.length > 0) {
              observer.disconnect();
              done(performance.now() - started);
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          input.value += last;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      query.slice(-1),
    );
    times.push(ms);
  }
  await page.close();
  times.sort((a, b) => a - b);
  return { query, median: Math.round(times[Math.floor(times.length / 2)]), times: times.map(Math.round) };
}

/**
 * For each query, the top five passage results and whether each opens a passage that says a
 * searched word: the passage on the linked page (by its anchor) must contain one of the query's
 * words, or a word sharing its first four letters (a stem).
 */
async function relevance(browser, origin, dist, queries) {
  const data = readOpenData(dist);
  // Passages by their permalink, and analyses' introductions, which are results too.
  const text = new Map([
    ...data.commentaries.flatMap((c) => c.passages.map((p) => [p.url, p.text])),
    ...data.analyses.map((a) => [`${a.url}#introduction`, a.introduction]),
  ]);
  const fold = (w) =>
    w
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, '');
  const says = (passage, query) => {
    const words = passage
      .split(/\s+/)
      .flatMap((w) => [w, ...w.split(/[^\p{L}\p{N}]+/u)])
      .map(fold);
    return query
      .replace(/"/g, ' ')
      .split(/\s+/)
      .map(fold)
      .filter(Boolean)
      .some((q) =>
        words.some((w) =>
          q.length <= 4 ? w === q || w.startsWith(q) : w.startsWith(q.slice(0, Math.max(4, q.length - 2))),
        ),
      );
  };
  const page = await browser.newPage();
  const rows = [];
  for (const query of queries) {
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('[data-search-status]').filter({ hasText: /match/ }).waitFor({ timeout: 60_000 });
    // The page shows its first results, then fills its first page (the list is busy until then).
    await page.locator('[data-search-results]:not([aria-busy="true"])').waitFor({ timeout: 60_000 });
    // The first five results: lines that open something (not "N more passages" buttons).
    const links = await page
      .locator('[data-search-results] > li:not([data-kind="more"])')
      .evaluateAll((lis) =>
        lis
          .slice(0, 5)
          .map((li) => ({ kind: li.dataset.kind, href: li.querySelector('a')?.getAttribute('href') ?? '' })),
      );
    const top = links.map(({ kind, href }) => {
      const url = new URL(href, origin);
      const key = `${url.pathname}${url.hash}`;
      const passage = text.get(key);
      return {
        kind,
        href: key,
        passage: passage !== undefined,
        says: passage !== undefined && says(passage, query),
      };
    });
    const kinds = top.map((t) => t.kind).join(', ');
    rows.push({ query, top: top.length, opening: top.filter((t) => t.says).length, kinds, links: top });
  }
  await page.close();
  return rows;
}

/**
 * Serves `dist` at the domain root and measures the first search for each query, typing, and relevance.
 * `params` are added to each first search's address, e.g. `&sort=newest`.
 */
export async function measureSearch(
  dist,
  { relevanceQueries = RELEVANCE_QUERIES, typing = true, params = '' } = {},
) {
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
      word: await firstSearch(browser, origin, QUERIES.word, params),
      phrase: await firstSearch(browser, origin, QUERIES.phrase, params),
      place: await firstSearch(browser, origin, QUERIES.place, params),
      typing: typing ? await keystrokeToResults(browser, origin, QUERIES.word) : null,
      relevance: await relevance(browser, origin, dist, relevanceQueries),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
