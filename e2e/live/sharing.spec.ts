import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { FEED_ENTRIES } from '../src/lib/settings';
import { BASE, ORIGIN, PUBLIC } from './env';
import { builtHtmlFiles, builtPages, openData } from './site';

const ATOM = 'http://www.w3.org/2005/Atom';

/** Parses XML in the browser; fails the test with the parser's message if it is not well-formed. */
async function parseXml(page: Page, xml: string) {
  const result = await page.evaluate(
    ({ xml, atom }) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const entries = [...doc.getElementsByTagNameNS(atom, 'entry')].map((entry) => ({
        id: entry.getElementsByTagNameNS(atom, 'id')[0]?.textContent ?? '',
        link: entry.querySelector('link[rel="alternate"]')?.getAttribute('href') ?? '',
        authors: [...entry.getElementsByTagNameNS(atom, 'author')].map(
          (a) => a.getElementsByTagNameNS(atom, 'name')[0]?.textContent ?? '',
        ),
        updated: entry.getElementsByTagNameNS(atom, 'updated')[0]?.textContent ?? '',
      }));
      const self = doc.querySelector('feed > link[rel="self"]')?.getAttribute('href') ?? null;
      const locs = [...doc.getElementsByTagName('loc')].map((l) => l.textContent ?? '');
      return { error, root: doc.documentElement.localName, entries, self, locs };
    },
    { xml, atom: ATOM },
  );
  expect(result.error).toBeNull();
  return result;
}

/** Checks that a URL is absolute on the public site, under the base path, and that the page exists in the build. */
async function expectLive(request: APIRequestContext, url: string) {
  const parsed = new URL(url);
  expect(`${parsed.origin}/`, url).toBe(new URL('/', PUBLIC).href);
  expect(parsed.pathname.startsWith(BASE), url).toBe(true);
  const response = await request.get(`${ORIGIN}${parsed.pathname}`);
  expect(response.status(), url).toBe(200);
  if (parsed.hash) {
    expect(await response.text(), url).toContain(`id="${decodeURIComponent(parsed.hash.slice(1))}"`);
  }
}

const local = (publicUrl: string) => publicUrl.replace(PUBLIC, './');

test.describe('feeds', () => {
  test('the analyses feed lists every analysis with its authors and absolute links', async ({
    page,
    request,
  }) => {
    const data = openData();
    const feed = await parseXml(page, await (await request.get('feed.xml')).text());
    expect(feed.root).toBe('feed');
    expect(feed.self).toBe(`${PUBLIC}feed.xml`);
    expect(feed.entries.map((e) => e.link)).toEqual(
      data.analyses.map((a) => `${PUBLIC}${a.url.slice(BASE.length)}`),
    );
    expect(feed.entries[0]!.authors).toEqual(['Rosie Levine', 'Carla Freeman', 'Andrew Scobell']);
    expect(feed.entries[0]!.updated).toBe('2024-04-01T00:00:00Z');
    for (const entry of feed.entries) await expectLive(request, entry.link);
  });

  test('each expert’s feed lists every commentary by that expert', async ({ page, request }) => {
    const data = openData();
    for (const expert of data.experts) {
      const feed = await parseXml(page, await (await request.get(`experts/${expert.id}/feed.xml`)).text());
      const expected = data.commentaries.filter((c) => c.expert === expert.id).slice(0, FEED_ENTRIES);
      expect(feed.entries.map((e) => e.link)).toEqual(
        expected.map((c) => `${PUBLIC}${c.url.slice(BASE.length)}`),
      );
      for (const entry of feed.entries) {
        expect(entry.authors).toEqual([expert.name]);
        await expectLive(request, entry.link);
      }
    }
  });

  // The corpus is smaller than a feed's length, so every commentary is in (the cap is unit-tested).
  test('each theme’s feed has an entry for every commentary that speaks to it, linked to its first passage', async ({
    page,
    request,
  }) => {
    const data = openData();
    for (const theme of data.themes) {
      const feed = await parseXml(page, await (await request.get(`themes/${theme.id}/feed.xml`)).text());
      const speaking = data.commentaries
        .map((c) => ({ c, first: c.passages.find((p) => p.themes.includes(theme.id)) }))
        .filter((x) => x.first !== undefined);
      expect(feed.entries.map((e) => e.link).sort(), theme.id).toEqual(
        speaking.map(({ first }) => `${PUBLIC}${first!.url.slice(BASE.length)}`).sort(),
      );
      expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
      for (const entry of feed.entries) await expectLive(request, entry.link);
    }
  });

  test('pages announce their feeds in the head', async ({ page }) => {
    const feeds = () =>
      page
        .locator('link[rel="alternate"][type="application/atom+xml"]')
        .evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
    await page.goto('./');
    expect(await feeds()).toEqual([`${PUBLIC}feed.xml`]);
    await page.goto('experts/carla-freeman/');
    expect(await feeds()).toEqual([`${PUBLIC}feed.xml`, `${PUBLIC}experts/carla-freeman/feed.xml`]);
    await page.goto('themes/taiwan/');
    expect(await feeds()).toEqual([`${PUBLIC}feed.xml`, `${PUBLIC}themes/taiwan/feed.xml`]);
    await page.getByRole('link', { name: 'Follow this theme by feed (Atom)' }).click();
    await expect(page).toHaveURL(/\/themes\/taiwan\/feed\.xml$/);
  });
});

test.describe('for search engines', () => {
  test('the sitemap lists every page once, by absolute URL', async ({ page, request }) => {
    const sitemap = await parseXml(page, await (await request.get('sitemap.xml')).text());
    expect(sitemap.root).toBe('urlset');
    // Every built page but the 404 page and the search page (search results are not content).
    const expected = builtPages()
      .filter((p) => !p.endsWith('404.html') && !p.startsWith(`${BASE}search/`))
      .map((p) => `${PUBLIC}${p.slice(BASE.length)}`);
    expect([...sitemap.locs].sort()).toEqual(expected.sort());
    for (const loc of sitemap.locs) await expectLive(request, loc);
  });

  test('robots.txt points to the sitemap by its absolute URL', async ({ request }) => {
    const robots = await request.get('robots.txt');
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toContain(`\nSitemap: ${PUBLIC}sitemap.xml\n`);
  });
});

/** The JSON-LD graph of a built page, read from disk. */
function jsonLd(url: string): Record<string, unknown>[] {
  const file = builtHtmlFiles().find((f) => f.url === url)!.file;
  const html = readFileSync(file, 'utf8');
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(blocks, url).toHaveLength(1);
  expect(blocks[0]![1], `${url}: no raw < in JSON-LD`).not.toContain('<');
  return (JSON.parse(blocks[0]![1]!) as { '@graph': Record<string, unknown>[] })['@graph'];
}

test.describe('structured data and link previews', () => {
  test('every analysis and commentary is an Article naming exactly its authors, each linked to their page', () => {
    const data = openData();
    const name = new Map(data.experts.map((e) => [e.id, e.name]));
    const pages = [
      ...data.analyses.map((a) => ({
        url: a.url,
        authors: data.commentaries.filter((c) => c.analysis === a.id).map((c) => c.expert),
      })),
      ...data.commentaries.map((c) => ({ url: c.url, authors: [c.expert] })),
    ];
    for (const { url, authors } of pages) {
      const article = jsonLd(url).find((n) => n['@type'] === 'Article')!;
      const people = article.author as { '@type': string; name: string; url: string }[];
      expect(people.map((p) => p['@type'])).toEqual(authors.map(() => 'Person'));
      expect(
        people.map((p) => p.name),
        url,
      ).toEqual(authors.map((id) => name.get(id)));
      expect(people.map((p) => p.url)).toEqual(authors.map((id) => `${PUBLIC}experts/${id}/`));
      expect(article.url).toBe(`${PUBLIC}${url.slice(BASE.length)}`);
      expect(article.datePublished).toBe('2024-04');
    }
  });

  test('a commentary is part of its analysis, and its breadcrumbs lead there from home', () => {
    const graph = jsonLd(`${BASE}commentaries/blinken-china-trip/carla-freeman/`);
    const article = graph.find((n) => n['@type'] === 'Article')!;
    expect(article.isPartOf).toMatchObject({ url: `${PUBLIC}analyses/blinken-china-trip/` });
    const crumbs = graph.find((n) => n['@type'] === 'BreadcrumbList')!.itemListElement as {
      position: number;
      name: string;
      item: string;
    }[];
    expect(crumbs.map((c) => [c.position, c.name, c.item])).toEqual([
      [1, 'Perspectives', PUBLIC],
      [
        2,
        'Blinken’s China Trip Shows Both Sides Want to Stabilize Ties',
        `${PUBLIC}analyses/blinken-china-trip/`,
      ],
      [
        3,
        'What does Blinken’s visit signal about the U.S. approach to China?',
        `${PUBLIC}commentaries/blinken-china-trip/carla-freeman/`,
      ],
    ]);
  });

  test('every page has a canonical URL, a description and Open Graph and Twitter card tags that agree', async ({
    page,
  }) => {
    for (const path of builtPages().filter((p) => !p.endsWith('404.html'))) {
      await page.goto(local(`${PUBLIC}${path.slice(BASE.length)}`));
      const meta = (selector: string) => page.locator(selector).getAttribute('content');
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(canonical, path).toBe(`${PUBLIC}${path.slice(BASE.length)}`);
      expect(await meta('meta[property="og:url"]'), path).toBe(canonical);
      const description = await meta('meta[name="description"]');
      expect(description?.length, path).toBeGreaterThan(20);
      expect(await meta('meta[property="og:description"]'), path).toBe(description);
      expect(await meta('meta[name="twitter:card"]'), path).toBe('summary');
      expect(await meta('meta[property="og:title"]'), path).toBeTruthy();
    }
  });

  test('a commentary previews as an article by its expert, with its themes', async ({ page }) => {
    await page.goto('commentaries/blinken-china-trip/carla-freeman/');
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      'Carla Freeman: What does Blinken’s visit signal about the U.S. approach to China?',
    );
    await expect(page.locator('meta[property="article:author"]')).toHaveAttribute(
      'content',
      `${PUBLIC}experts/carla-freeman/`,
    );
    await expect(page.locator('meta[property="article:tag"]')).toHaveCount(10);
  });

  test('no page loads anything from another origin', () => {
    for (const { url, file } of builtHtmlFiles()) {
      const html = readFileSync(file, 'utf8');
      const loads = [...html.matchAll(/<(?:script|img|iframe)\b[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]!);
      const sheets = [
        ...html.matchAll(/<link\b[^>]*rel="(?:stylesheet|icon|preload|modulepreload)"[^>]*>/g),
      ].map((m) => /href="([^"]*)"/.exec(m[0])?.[1] ?? '');
      for (const src of [...loads, ...sheets]) expect(src.startsWith(BASE), `${url} loads ${src}`).toBe(true);
    }
  });
});
