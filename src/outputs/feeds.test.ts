import { describe, expect, test } from 'vitest';
import { parsePartialDate } from '../util/dates.ts';
import { analysesFeed, atomFeed, atomTimestamp, expertFeed, feedOrder, themeFeed } from './feeds.ts';
import { buildModel } from '../model/model.ts';
import { fixtureSite } from '../model/site.fixture.ts';
import { fixtureLinks } from './links.fixture.ts';

const ctx = fixtureLinks;

describe('atomTimestamp', () => {
  test.each([
    ['2024', '2024-01-01T00:00:00Z'],
    ['2024-04', '2024-04-01T00:00:00Z'],
    ['2024-04-26', '2024-04-26T00:00:00Z'],
  ])('turns %s into the first moment it covers, %s', (iso, expected) => {
    expect(atomTimestamp(parsePartialDate(iso)!)).toBe(expected);
  });
});

describe('atomFeed', () => {
  test('writes a complete Atom document, escaping text and HTML content', () => {
    const xml = atomFeed({
      id: 'https://example.org/feed.xml',
      title: 'Q&A',
      language: 'fr',
      self: 'https://example.org/feed.xml',
      alternate: 'https://example.org/',
      updated: parsePartialDate('2024-04')!,
      authors: [{ name: 'Site' }],
      entries: [
        {
          id: 'https://example.org/a/',
          title: 'A <b>bold</b> claim',
          link: 'https://example.org/a/?x=1&y=2',
          published: parsePartialDate('2024-04')!,
          authors: [{ name: 'Ann Bell', uri: 'https://example.org/experts/ann-bell/' }],
          summary: 'Short.',
          contentHtml: '<p>Long &amp; full.</p>',
          categories: [{ term: 'energy', label: 'Energy', scheme: 'https://example.org/themes/' }],
        },
      ],
    });
    expect(xml).toBe(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>https://example.org/feed.xml</id>
  <title>Q&amp;A</title>
  <link rel="self" type="application/atom+xml" href="https://example.org/feed.xml"/>
  <link rel="alternate" type="text/html" href="https://example.org/"/>
  <updated>2024-04-01T00:00:00Z</updated>
  <author><name>Site</name></author>
  <entry>
    <id>https://example.org/a/</id>
    <title>A &lt;b&gt;bold&lt;/b&gt; claim</title>
    <link rel="alternate" type="text/html" href="https://example.org/a/?x=1&amp;y=2"/>
    <published>2024-04-01T00:00:00Z</published>
    <updated>2024-04-01T00:00:00Z</updated>
    <author><name>Ann Bell</name><uri>https://example.org/experts/ann-bell/</uri></author>
    <category term="energy" label="Energy" scheme="https://example.org/themes/"/>
    <summary>Short.</summary>
    <content type="html">&lt;p&gt;Long &amp;amp; full.&lt;/p&gt;</content>
  </entry>
</feed>
`);
  });
});

describe('analysesFeed', () => {
  const feed = analysesFeed(fixtureSite(), ctx);

  test('lists every analysis newest first, at its absolute URL under the base path', () => {
    expect(feed.entries.map((e) => e.link)).toEqual([
      'https://example.org/base/analyses/newer/',
      'https://example.org/base/analyses/older/',
    ]);
    expect(feed.self).toBe('https://example.org/base/feed.xml');
    expect(feed.alternate).toBe('https://example.org/base/');
  });

  test('names every expert of an analysis as an author, in published order, linked to their page', () => {
    expect(feed.entries[0]!.authors).toEqual([
      { name: 'Ann Bell', uri: 'https://example.org/base/experts/ann-bell/' },
      { name: 'Cy Dunn', uri: 'https://example.org/base/experts/cy-dunn/' },
    ]);
  });

  test('is titled with the publication’s name, by its publisher, in its language', () => {
    expect(feed.title).toBe('Example Review: analyses');
    expect(feed.authors).toEqual([{ name: 'Example Review Press', uri: 'https://press.example.org/' }]);
    expect(feed.language).toBe('en-GB');
  });

  test('is as recent as its newest analysis', () => {
    expect(feed.updated.iso).toBe('2024-05');
  });

  test('links the questions in the entry content with absolute URLs', () => {
    expect(feed.entries[0]!.contentHtml).toContain(
      '<a href="https://example.org/base/commentaries/newer/cy-dunn/">And oil?</a> — Cy Dunn',
    );
  });
});

describe('editors’ summaries in the feeds', () => {
  const site = fixtureSite();

  test('an analysis entry opens with its takeaways, labelled as the editors’, and gives each question its bottom line', () => {
    const [newer, older] = analysesFeed(site, ctx).entries;
    expect(newer!.contentHtml).toMatch(
      /^<h2>Takeaways<\/h2>\n<p>The editors’ summary, in our own words\.<\/p>\n<ul>\n<li>Both experts tie oil to tariffs\.<\/li>\n<li>Prices &amp; tariffs &lt;move&gt; together\.<\/li>\n<\/ul>/,
    );
    expect(newer!.contentHtml).toContain(
      'What about tariffs?</a> — Ann Bell<br>Editors’ bottom line: Ann Bell expects oil &amp; gas to &lt;follow&gt; tariffs.</li>',
    );
    expect(newer!.contentHtml).toContain('And oil?</a> — Cy Dunn</li>');
    expect(older!.contentHtml).not.toContain('Takeaways');
  });

  test('an expert’s entry is summarised by its bottom line when it has one, and opens with it', () => {
    const [newer, older] = expertFeed(site, ctx, 'ann-bell').entries;
    expect(newer!.summary).toBe('Ann Bell expects oil & gas to <follow> tariffs.');
    expect(newer!.contentHtml).toMatch(
      /^<p><strong>Editors’ bottom line:<\/strong> Ann Bell expects oil &amp; gas/,
    );
    expect(older!.summary).toBe('Ann Bell answers in “An Older Analysis”.');
    expect(older!.contentHtml).not.toContain('bottom line');
  });

  test('a theme’s entry opens with the commentary’s bottom line', () => {
    const entries = themeFeed(site, ctx, 'energy').entries;
    expect(entries[0]!.contentHtml).toMatch(/^<p><strong>Editors’ bottom line:<\/strong>/);
    expect(entries[1]!.contentHtml).toMatch(/^<blockquote/);
  });
});

describe('expertFeed', () => {
  const site = fixtureSite();

  test('holds each of the expert’s commentaries in full, newest first', () => {
    const feed = expertFeed(site, ctx, 'ann-bell');
    expect(feed.entries.map((e) => e.link)).toEqual([
      'https://example.org/base/commentaries/newer/ann-bell/',
      'https://example.org/base/commentaries/older/ann-bell/',
    ]);
    expect(feed.entries[0]!.contentHtml).toContain('<p>Tariffs rose.</p>');
    expect(feed.entries[0]!.categories?.map((c) => c.term)).toEqual(['trade', 'energy']);
    expect(feed.self).toBe('https://example.org/base/experts/ann-bell/feed.xml');
    expect(feed.authors).toEqual([{ name: 'Ann Bell', uri: 'https://example.org/base/experts/ann-bell/' }]);
  });

  test('of an expert with no commentary yet is empty but still dated, from the content', () => {
    const feed = expertFeed(site, ctx, 'eve-fox');
    expect(feed.entries).toEqual([]);
    expect(feed.updated.iso).toBe('2024-05');
  });
});

describe('themeFeed', () => {
  const site = fixtureSite();

  test('has one entry per commentary that speaks to the theme, newest first, then in published order', () => {
    const feed = themeFeed(site, ctx, 'energy');
    expect(feed.entries.map((e) => e.id)).toEqual([
      'https://example.org/base/commentaries/newer/ann-bell/#theme-energy',
      'https://example.org/base/commentaries/newer/cy-dunn/#theme-energy',
      'https://example.org/base/commentaries/older/ann-bell/#theme-energy',
    ]);
  });

  test('quotes only the passages on the theme, each linked to its permalink', () => {
    const entry = themeFeed(site, ctx, 'energy').entries[0]!;
    expect(entry.title).toBe('Ann Bell: What about tariffs?');
    expect(entry.link).toBe(
      'https://example.org/base/commentaries/newer/ann-bell/#p-oil-followed-the-tariffs',
    );
    expect(entry.contentHtml).toContain('<p>Oil followed the tariffs.</p>');
    expect(entry.contentHtml).not.toContain('Tariffs rose.');
    expect(entry.summary).toBe('Ann Bell on Energy: 1 passage.');
  });

  test('orders analyses of the same date by id (not by title, as pages do), each one’s commentaries in published order', () => {
    const base = fixtureSite();
    const sameDay = parsePartialDate('2024-06-02')!;
    // Ids and titles sort in opposite orders, so that the feed's order cannot be the reading order.
    const analysis = (id: string, title: string) => ({
      id,
      title,
      dek: '.',
      published: sameDay,
      body: 'Intro.',
    });
    const commentary = (analysisId: string, expert: string, order: number) => ({
      id: `${analysisId}/${expert}`,
      analysis: analysisId,
      expert,
      question: `Q ${order}?`,
      order,
      themes: ['energy'],
      body: 'Oil again.',
    });
    const site = buildModel({
      analyses: [analysis('b-day', 'Alpha'), analysis('a-day', 'Beta'), analysis('c-day', 'Aardvark')],
      experts: base.experts,
      themes: base.themes,
      commentaries: [
        commentary('b-day', 'cy-dunn', 2),
        commentary('b-day', 'ann-bell', 1),
        commentary('c-day', 'ann-bell', 1),
        commentary('a-day', 'cy-dunn', 1),
      ],
    });
    expect(themeFeed(site, ctx, 'energy').entries.map((e) => e.id.split('/commentaries/')[1])).toEqual([
      'a-day/cy-dunn/#theme-energy',
      'b-day/ann-bell/#theme-energy',
      'b-day/cy-dunn/#theme-energy',
      'c-day/ann-bell/#theme-energy',
    ]);
    expect([...feedOrder(site).keys()]).toEqual(['a-day', 'b-day', 'c-day']);
  });

  test('of a theme nobody speaks to yet is empty but valid', () => {
    const feed = themeFeed(site, ctx, 'unused');
    expect(feed.entries).toEqual([]);
    expect(atomFeed(feed)).toContain('<updated>2024-05-01T00:00:00Z</updated>');
  });
});

describe('feed length', () => {
  test.each([
    ['analyses', (limit: number) => analysesFeed(fixtureSite(), ctx, limit)],
    ['an expert', (limit: number) => expertFeed(fixtureSite(), ctx, 'ann-bell', limit)],
    ['a theme', (limit: number) => themeFeed(fixtureSite(), ctx, 'energy', limit)],
  ])('the feed of %s keeps only the newest entries, and is as recent as the newest', (_kind, build) => {
    const feed = build(1);
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]!.published.iso).toBe('2024-05');
    expect(feed.updated.iso).toBe('2024-05');
  });
});
