import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { FEED_ENTRIES } from '../src/model/settings.ts';
import { BASE, PUBLIC } from './env.ts';
import { analysis, commentariesOf, commentary, expert, fixtureIds } from './fixture.ts';
import { builtHtmlFiles } from './site.ts';

/**
 * The exact values of feeds, structured data and link previews on the fixture content
 * (e2e/README.md); e2e/live/sharing.spec.ts checks what holds for any content.
 */

const ACCORD = analysis('delta-water-accord');
const PACT = analysis('northern-fisheries-pact');
const LINDQVIST = commentary('northern-fisheries-pact', 'chiara-lindqvist');

/** The entries of a feed, read from its text: link, updated and authors. */
async function feedEntries(xml: string): Promise<{ link: string; updated: string; authors: string[] }[]> {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, entry]) => ({
    link: /<link[^>]*rel="alternate"[^>]*href="([^"]*)"/.exec(entry!)?.[1] ?? '',
    updated: /<updated>([^<]*)<\/updated>/.exec(entry!)?.[1] ?? '',
    authors: [...entry!.matchAll(/<author>\s*<name>([^<]*)<\/name>/g)].map((m) => m[1]!),
  }));
}

test.describe('feeds', () => {
  test('the analyses feed holds the newest analyses, dated as precisely as published, authors in order', async ({
    request,
  }) => {
    const entries = await feedEntries(await (await request.get('feed.xml')).text());
    // Twenty-three analyses, more than a feed holds: the oldest is left to the archive.
    expect(fixtureIds('analyses').length).toBeGreaterThan(FEED_ENTRIES);
    expect(entries).toHaveLength(FEED_ENTRIES);
    expect(entries.some((e) => e.link === `${PUBLIC}analyses/harbour-notes-01/`)).toBe(false);
    const authors = (id: string) => commentariesOf(id).map((c) => expert(c.expert).name);
    expect(entries[0]).toEqual({
      link: `${PUBLIC}analyses/${ACCORD.id}/`,
      updated: '2025-03-14T00:00:00Z',
      authors: authors(ACCORD.id),
    });
    // Month precision: Atom wants a full timestamp, so the month's first day at 00:00 UTC.
    expect(entries[1]).toEqual({
      link: `${PUBLIC}analyses/${PACT.id}/`,
      updated: '2024-11-01T00:00:00Z',
      authors: ['Ada Okafor', 'Chiara Lindqvist', 'Dora Mensah'],
    });
  });

  test('pages announce their feeds in the head', async ({ page }) => {
    const feeds = () =>
      page
        .locator('link[rel="alternate"][type="application/atom+xml"]')
        .evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
    await page.goto('./');
    expect(await feeds()).toEqual([`${PUBLIC}feed.xml`]);
    await page.goto('experts/chiara-lindqvist/');
    expect(await feeds()).toEqual([`${PUBLIC}feed.xml`, `${PUBLIC}experts/chiara-lindqvist/feed.xml`]);
    await page.goto('themes/fisheries/');
    expect(await feeds()).toEqual([`${PUBLIC}feed.xml`, `${PUBLIC}themes/fisheries/feed.xml`]);
    await page.getByRole('link', { name: 'Follow this theme by feed (Atom)' }).click();
    await expect(page).toHaveURL(/\/themes\/fisheries\/feed\.xml$/);
  });
});

/** The JSON-LD graph of a built page, read from disk. */
function jsonLd(path: string): Record<string, unknown>[] {
  const file = builtHtmlFiles().find((f) => f.url === `${BASE}${path}`)!.file;
  const html = readFileSync(file, 'utf8');
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
  return (JSON.parse(block) as { '@graph': Record<string, unknown>[] })['@graph'];
}

test.describe('structured data and link previews', () => {
  test('articles carry their date exactly as precise as the content gives it', () => {
    for (const a of [ACCORD, PACT]) {
      for (const path of [`analyses/${a.id}/`, ...commentariesOf(a.id).map((c) => c.path)]) {
        const article = jsonLd(path).find((n) => n['@type'] === 'Article')!;
        expect(article.datePublished, path).toBe(a.published);
      }
    }
    expect([ACCORD.published, PACT.published]).toEqual(['2025-03-14', '2024-11']);
  });

  test('a commentary is part of its analysis, and its breadcrumbs lead there from home', () => {
    const graph = jsonLd(LINDQVIST.path);
    const article = graph.find((n) => n['@type'] === 'Article')!;
    expect(article.isPartOf).toMatchObject({ url: `${PUBLIC}analyses/${PACT.id}/` });
    const crumbs = graph.find((n) => n['@type'] === 'BreadcrumbList')!.itemListElement as {
      position: number;
      name: string;
      item: string;
    }[];
    expect(crumbs.map((c) => [c.position, c.name, c.item])).toEqual([
      [1, 'Perspectives', PUBLIC],
      [2, PACT.title, `${PUBLIC}analyses/${PACT.id}/`],
      [3, LINDQVIST.question, `${PUBLIC}${LINDQVIST.path}`],
    ]);
  });

  test('a commentary previews as an article by its expert, with its themes', async ({ page }) => {
    await page.goto(LINDQVIST.path);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      `Chiara Lindqvist: ${LINDQVIST.question}`,
    );
    await expect(page.locator('meta[property="article:author"]')).toHaveAttribute(
      'content',
      `${PUBLIC}experts/chiara-lindqvist/`,
    );
    await expect(page.locator('meta[property="article:tag"]')).toHaveCount(LINDQVIST.themes.length);
  });
});
