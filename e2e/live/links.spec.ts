import { expect, test } from '@playwright/test';
import { crawl } from '../crawl.ts';
import { BASE, ORIGIN } from '../env.ts';
import { builtPages, openData } from '../site.ts';

test('every page is reachable from the home page and no internal link or anchor is broken', async ({
  request,
}) => {
  const { reached, broken, outsideBase } = await crawl(request, ORIGIN, BASE);
  expect(broken).toEqual([]);
  expect(outsideBase).toEqual([]);
  const unreachable = builtPages().filter((p) => !p.endsWith('404.html') && !reached.has(p));
  expect(unreachable).toEqual([]);
});

test('an unknown address gets the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Browse by theme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Themes');
});

test('the open data gives site paths under the base path the site was built for', () => {
  const data = openData();
  expect(data.analyses.length).toBeGreaterThan(0);
  for (const a of data.analyses) expect(a.url).toBe(`${BASE}analyses/${a.id}/`);
  for (const e of data.experts) expect(e.url).toBe(`${BASE}experts/${e.id}/`);
  for (const t of data.themes) expect(t.url).toBe(`${BASE}themes/${t.id}/`);
  for (const c of data.commentaries) {
    expect(c.url).toBe(`${BASE}commentaries/${c.id}/`);
    for (const p of c.passages) expect(p.url).toBe(`${c.url}#${p.id}`);
  }
});
