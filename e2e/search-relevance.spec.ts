import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createStaticServer, listen } from '../scripts/serve.mjs';
import { readOpenData } from '../src/outputs/open-data-read.mjs';

/**
 * Relevance on a small generated site (e2e/relevance-corpus.mjs, built by `npm test` before this
 * suite): questions share words with other commentaries' passages, one commentary says a word in
 * four passages, and a theme's term ("NYU") is said by no passage. Expectations come from that
 * corpus's texts, read from its open-data export, never from running the search.
 */
const DIST = process.env.E2E_RELEVANCE_DIST ?? 'bench/out/relevance/dist';
// Each worker that runs this file serves the corpus itself, on a port of its own (0: any free one).
const PORT = Number(process.env.E2E_RELEVANCE_PORT ?? 0);
let ORIGIN = '';

interface Data {
  commentaries: { url: string; question: string; passages: { url: string; text: string }[] }[];
}

let server: ReturnType<typeof createStaticServer> | undefined;
let data: Data;
test.beforeAll(async () => {
  if (!existsSync(join(DIST, 'data', 'commentaries.json'))) {
    throw new Error(`No relevance corpus at ${DIST}: build it with \`node e2e/relevance-corpus.mjs\`.`);
  }
  data = readOpenData(DIST) as unknown as Data;
  server = createStaticServer({ root: DIST, base: '/' });
  await listen(server, PORT, '127.0.0.1');
  ORIGIN = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => server?.close());

const fold = (w: string) =>
  w
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
/** Whether a text says one of the query's words, or a word that begins with its first four letters (a stem). */
function says(text: string, query: string): boolean {
  const words = text
    .split(/\s+/)
    .flatMap((w) => [w, ...w.split(/[^\p{L}\p{N}]+/u)])
    .map(fold);
  return query
    .replace(/"/g, ' ')
    .split(/\s+/)
    .map(fold)
    .filter(Boolean)
    .some((q) => words.some((w) => w.startsWith(q.slice(0, 4))));
}

async function search(page: Page, query: string) {
  await page.goto(`${ORIGIN}/search/?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole('status')).toHaveText(/match/);
  await expect(page.locator('[data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
}

/** Each result line that opens something: its kind and where it leads (path and anchor). */
async function lines(page: Page) {
  const items = page.locator('[data-search-results] > li:not([data-kind="more"])');
  await expect(items.first()).toBeVisible();
  return items.evaluateAll((lis) =>
    lis.map((li) => {
      const url = new URL(li.querySelector('a')!.getAttribute('href')!, location.href);
      return {
        kind: li.dataset.kind ?? '',
        path: url.pathname,
        anchor: url.hash,
        highlight: url.searchParams.getAll('highlight'),
      };
    }),
  );
}

const passageText = (path: string, anchor: string) =>
  data.commentaries.flatMap((c) => c.passages).find((p) => p.url === `${path}${anchor}`)?.text;

for (const query of ['pipelines', 'grain corridor', '"grain corridor"', 'freight', 'students']) {
  test(`every passage result for ${query} opens a passage that says a searched word`, async ({ page }) => {
    await search(page, query);
    const passages = (await lines(page)).filter((l) => l.kind === 'passage');
    expect(passages.length).toBeGreaterThan(0);
    for (const line of passages) {
      const text = passageText(line.path, line.anchor);
      expect(text, `${line.path}${line.anchor}`).toBeDefined();
      expect(says(text!, query), `${line.path}${line.anchor}: ${text}`).toBe(true);
      expect(line.highlight.length).toBeGreaterThan(0);
    }
  });
}

test('no commentary lists more than two passages before the next commentary’s, and the rest expand in place', async ({
  page,
}) => {
  // One commentary says "pipelines" in four passages, another in one.
  await search(page, 'pipelines');
  const shown = (await lines(page)).filter((l) => l.kind === 'passage');
  let run = 1;
  for (let i = 1; i < shown.length; i++) {
    run = shown[i]!.path === shown[i - 1]!.path ? run + 1 : 1;
    expect(run).toBeLessThanOrEqual(2);
  }
  const four = data.commentaries.find(
    (c) => c.passages.filter((p) => says(p.text, 'pipelines')).length === 4,
  )!;
  expect(shown.filter((l) => l.path === four.url)).toHaveLength(2);
  const more = page.getByRole('button', { name: '2 more passages in this commentary' });
  await more.click();
  const after = (await lines(page)).filter((l) => l.kind === 'passage' && l.path === four.url);
  expect(after).toHaveLength(4);
  await expect(page.locator('[data-search-results] a').nth(2)).toBeFocused();
});

test('a query that matches only questions lists each of those commentaries once, opening the question', async ({
  page,
}) => {
  await search(page, 'lighthouse');
  const asked = data.commentaries.filter((c) => says(c.question, 'lighthouse'));
  expect(asked.length).toBeGreaterThan(1);
  const found = await lines(page);
  expect(found.map((l) => l.kind)).toEqual(asked.map(() => 'commentary'));
  expect(found.map((l) => l.path).sort()).toEqual(asked.map((c) => c.url).sort());
  for (const line of found) expect(line.anchor).toBe('#question');
  await page.locator('[data-search-results] a').first().click();
  await expect(page.locator('h1#question mark')).toHaveText(['lighthouse']);
});

test('a commentary whose question says the word comes below the passages that say it', async ({ page }) => {
  await search(page, 'pipelines');
  const kinds = (await lines(page)).map((l) => l.kind);
  const firstCommentary = kinds.indexOf('commentary');
  expect(firstCommentary).toBeGreaterThan(0);
  expect(kinds.slice(firstCommentary).every((k) => k === 'commentary')).toBe(true);
});

test('a theme’s term finds the passages tagged with it, below those that say the word', async ({ page }) => {
  // No passage says "NYU"; the theme "Universities" has it as a term.
  await search(page, 'NYU');
  const found = await lines(page);
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((l) => l.kind === 'themed')).toBe(true);
  for (const line of found) expect(passageText(line.path, line.anchor)).toContain('New York University');
});

test('a search opens the passage it found, with the words marked', async ({ page }) => {
  await search(page, 'freight');
  const first = page.locator('[data-search-results] li[data-kind="passage"] a').first();
  const href = (await first.getAttribute('href'))!;
  await first.click();
  const anchor = decodeURIComponent(new URL(href, ORIGIN).hash.slice(1));
  await expect(page.locator(`[id="${anchor}"] mark`).first()).toHaveText(/freight/i);
});

for (const [name, query] of [
  ['without a query', ''],
  ['with a query', '?q=pipelines'],
  ['with a query and a filter', '?q=pipelines&expert=bo-rennet'],
]) {
  test(`the search page does not shift its layout ${name}`, async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${ORIGIN}/search/${query}`);
    await expect(page.getByRole('status')).toHaveText(/match|Type a word/);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
  });
}
