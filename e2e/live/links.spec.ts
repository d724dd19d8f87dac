import { expect, test } from '@playwright/test';
import { crawl } from './crawl';
import { BASE, ORIGIN } from './env';
import { builtPages, openData } from './site';

test('every page is reachable from the home page and no internal link or anchor is broken @root', async ({
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

test('the open data gives site paths under the base path the site was built for @root', () => {
  const data = openData();
  for (const item of [...data.analyses, ...data.experts, ...data.themes, ...data.commentaries]) {
    expect(item.url.startsWith(BASE), item.url).toBe(true);
  }
  expect(data.analyses[0]!.url).toBe(`${BASE}analyses/blinken-china-trip/`);
});
