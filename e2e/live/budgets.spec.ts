import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { BASE, DIST } from '../env.ts';
import { builtHtmlFiles } from '../site.ts';
import { layoutShift } from '../checks.ts';

/** The budgets of issue 5: sizes are tested on the real build; times are only benchmarked. */
const COMMENTARY_HTML_CSS_GZIP = 20 * 1024;

const commentaryPages = () => builtHtmlFiles().filter((p) => p.url.includes('/commentaries/'));

/** The stylesheets a page uses: inline <style> blocks and linked files, as text. */
function stylesOf(html: string): string {
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const linked = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => {
    const path = m[1]!.slice(BASE.length);
    return readFileSync(join(DIST, path), 'utf8');
  });
  return [...inline, ...linked].join('\n');
}

test('a commentary page’s HTML and CSS stay under 20 KB gzipped', () => {
  const pages = commentaryPages();
  expect(pages.length).toBeGreaterThan(0);
  for (const { url, file } of pages) {
    const html = readFileSync(file, 'utf8');
    const bytes = gzipSync(html).length + gzipSync(stylesOf(html)).length;
    expect(bytes, url).toBeLessThan(COMMENTARY_HTML_CSS_GZIP);
  }
});

test('no page loads a web font', () => {
  for (const { url, file } of builtHtmlFiles()) {
    const html = readFileSync(file, 'utf8');
    expect(stylesOf(html), url).not.toMatch(/@font-face|@import\s+url/);
    expect(html, url).not.toMatch(/\.(woff2?|ttf|otf)\b/);
  }
});

test('reading pages do not shift their layout while loading', async ({ page }) => {
  for (const { url } of commentaryPages().slice(0, 2)) {
    await page.goto(url);
    const shift = await layoutShift(page);
    expect(shift, url).toBe(0);
  }
});

test('a commentary page runs its one small script and loads no search code until search is used', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.resourceType() === 'script' || /pagefind|\.wasm$/.test(url.pathname))
      scripts.push(url.pathname);
  });
  const [first] = commentaryPages();
  expect(first).toBeDefined();
  await page.goto(first!.url);
  await page.waitForLoadState('networkidle');
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/\.js$/);

  // Reaching the search box and typing a query is not yet searching: still nothing loads.
  await page.keyboard.press('/');
  const box = page.getByRole('search').getByRole('searchbox');
  await expect(box).toBeFocused();
  await box.fill('policy');
  await page.waitForTimeout(300);
  expect(scripts).toHaveLength(1);

  // Searching opens the search page, which loads Pagefind.
  await box.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/match/);
  expect(scripts.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
});
