import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { FEED_ENTRIES } from '../../src/model/settings.ts';
import { BASE, ORIGIN, PUBLIC } from '../env.ts';
import { builtHtmlFiles, builtPages, openData } from '../site.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * Feeds, sitemap, structured data and link previews: invariants that hold for whatever is published.
 * The fixture suite (e2e/sharing.spec.ts) checks the exact values on the fixture content.
 */

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

test.describe('feeds', () => {
  test('the analyses feed lists the newest analyses with their authors, dates and absolute links', async ({
    page,
    request,
  }) => {
    const data = openData();
    const name = new Map(data.experts.map((e) => [e.id, e.name]));
    const expert = new Map(data.commentaries.map((c) => [c.id, c.expert]));
    const feed = await parseXml(page, await (await request.get('feed.xml')).text());
    expect(feed.root).toBe('feed');
    expect(feed.self).toBe(`${PUBLIC}feed.xml`);
    const newest = data.analyses.slice(0, FEED_ENTRIES);
    expect(feed.entries.map((e) => e.link)).toEqual(
      newest.map((a) => `${PUBLIC}${a.url.slice(BASE.length)}`),
    );
    newest.forEach((a, i) => {
      const entry = feed.entries[i]!;
      expect(entry.authors, a.id).toEqual(a.commentaries.map((c) => name.get(expert.get(c)!)));
      // Atom wants a full timestamp: the date as precise as published, completed to a day at 00:00 UTC.
      expect(entry.updated, a.id).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(entry.updated.startsWith(a.published), a.id).toBe(true);
    });
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

  test('each theme’s feed has an entry for each commentary that speaks to it, linked to its first passage', async ({
    page,
    request,
  }) => {
    const data = openData();
    for (const theme of data.themes) {
      const feed = await parseXml(page, await (await request.get(`themes/${theme.id}/feed.xml`)).text());
      const speaking = data.commentaries
        .map((c) => ({ c, first: c.passages.find((p) => p.themes.includes(theme.id)) }))
        .filter((x) => x.first !== undefined)
        .map(({ first }) => `${PUBLIC}${first!.url.slice(BASE.length)}`);
      const links = feed.entries.map((e) => e.link);
      // Every commentary while they fit in a feed; the newest FEED_ENTRIES of them after that.
      expect(links.length, theme.id).toBe(Math.min(speaking.length, FEED_ENTRIES));
      for (const link of links) expect(speaking, theme.id).toContain(link);
      expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
      for (const entry of feed.entries) await expectLive(request, entry.link);
    }
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
    const published = new Map(data.analyses.map((a) => [a.id, a.published]));
    const pages = [
      ...data.analyses.map((a) => ({
        url: a.url,
        authors: data.commentaries.filter((c) => c.analysis === a.id).map((c) => c.expert),
        published: a.published,
      })),
      ...data.commentaries.map((c) => ({
        url: c.url,
        authors: [c.expert],
        published: published.get(c.analysis),
      })),
    ];
    for (const { url, authors, published } of pages) {
      const article = jsonLd(url).find((n) => n['@type'] === 'Article')!;
      const people = article.author as { '@type': string; name: string; url: string }[];
      expect(people.map((p) => p['@type'])).toEqual(authors.map(() => 'Person'));
      expect(
        people.map((p) => p.name),
        url,
      ).toEqual(authors.map((id) => name.get(id)));
      expect(people.map((p) => p.url)).toEqual(authors.map((id) => `${PUBLIC}experts/${id}/`));
      expect(article.url).toBe(`${PUBLIC}${url.slice(BASE.length)}`);
      expect(article.datePublished).toBe(published);
    }
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
