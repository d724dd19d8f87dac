import { expect, test } from '@playwright/test';
import { openData } from '../site.ts';
import { watch } from './watch.ts';

test('search works under the Content-Security-Policy: Pagefind, its WebAssembly and its filters load', async ({
  page,
}) => {
  // Whatever is published: the longest word of the first passage, filtered by that passage's expert
  // (which loads Pagefind's filters), must find at least that passage and mark the word where it lands.
  const commentary = openData().commentaries[0]!;
  const word = commentary.passages[0]!.text.split(/[^\p{L}]+/u).reduce(
    (a, b) => (b.length > a.length ? b : a),
    '',
  );
  const problems = await watch(page);
  const requests: string[] = [];
  page.on('requestfinished', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`search/?q=${encodeURIComponent(word)}&expert=${commentary.expert}`);
  await expect(page.getByRole('status')).toHaveText(
    new RegExp(
      `^\\d+ results? match(es)? “${word}” with the chosen filters\\.( Then passages tagged with .+\\.)?$`,
    ),
  );
  await page.getByRole('region', { name: 'Results', exact: true }).getByRole('link').first().click();
  await expect(page.locator(':target mark').first()).toBeVisible();
  expect(requests.some((p) => /\/pagefind\/filter\/[^/]+\.pf_filter$/.test(p))).toBe(true);
  // Searching runs on the page (noWorker, src/search/browser/search-page.ts): the worker is never fetched.
  expect(requests.some((p) => p.endsWith('/pagefind/pagefind-worker.js'))).toBe(false);
  expect(requests.some((p) => /\/pagefind\/wasm\.en\.pagefind$/.test(p))).toBe(true);
  expect(problems).toEqual([]);
});
