import { expect, test } from '@playwright/test';
import { BASE, ORIGIN } from './env';
import { builtPages } from './site';

/** Collects the internal links of an HTML page (href, src and form actions) and the anchor ids it defines. */
function parse(html: string) {
  const hrefs = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&'),
  );
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
  return { hrefs, ids };
}

test('every page is reachable from the home page and no internal link or anchor is broken', async ({
  request,
}) => {
  const start = `${ORIGIN}${BASE}`;
  const pages = new Map<string, { status: number; ids: Set<string>; type: string }>();
  const queue = [start];
  const anchors: { from: string; to: string; hash: string }[] = [];
  const broken: string[] = [];

  while (queue.length > 0) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const response = await request.get(url, { maxRedirects: 0 });
    const type = response.headers()['content-type'] ?? '';
    const body = type.includes('text/html') ? await response.text() : '';
    const { hrefs, ids } = parse(body);
    pages.set(url, { status: response.status(), ids, type });
    if (response.status() !== 200) continue;
    for (const href of hrefs) {
      const target = new URL(href, url);
      if (target.origin !== ORIGIN) continue;
      expect(target.pathname.startsWith(BASE), `${href} on ${url} stays under ${BASE}`).toBe(true);
      const page = target.origin + target.pathname;
      if (target.hash) anchors.push({ from: url, to: page, hash: decodeURIComponent(target.hash.slice(1)) });
      if (!pages.has(page)) queue.push(page);
    }
  }

  for (const [url, info] of pages) if (info.status !== 200) broken.push(`${url} → ${info.status}`);
  for (const { from, to, hash } of anchors) {
    if (!pages.get(to)?.ids.has(hash))
      broken.push(`${from} links to #${hash} on ${to}, which has no such id`);
  }
  expect(broken).toEqual([]);

  const reached = new Set([...pages.keys()].map((u) => new URL(u).pathname));
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
