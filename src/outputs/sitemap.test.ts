import { describe, expect, test } from 'vitest';
import { fixtureSite } from '../model/site.fixture.ts';
import { robotsTxt, SITEMAP_LIMIT, sitemapIndexXml, sitemapParts, sitePages, sitemapXml } from './sitemap.ts';
import { paths } from './urls.ts';
import {
  EXPERT_PAGE_COMMENTARIES,
  EXPERTS_PAGE_SIZE,
  THEME_EXPERT_PAGE_PASSAGES,
} from '../model/settings.ts';

describe('sitePages', () => {
  test('lists the home page, the archive, every analysis, commentary, theme and expert page, and the indexes', () => {
    expect(sitePages(fixtureSite(), paths('/base/'))).toEqual([
      '/base/',
      '/base/analyses/',
      '/base/analyses/newer/',
      '/base/analyses/older/',
      '/base/commentaries/newer/ann-bell/',
      '/base/commentaries/newer/cy-dunn/',
      '/base/commentaries/older/ann-bell/',
      '/base/themes/',
      '/base/themes/energy/',
      '/base/themes/trade/',
      '/base/themes/unused/',
      '/base/experts/',
      '/base/experts/ann-bell/',
      '/base/experts/cy-dunn/',
      '/base/experts/eve-fox/',
    ]);
  });
});

describe('sitemapXml', () => {
  test('writes one <url> per location, escaped', () => {
    expect(sitemapXml(['https://example.org/', 'https://example.org/a/?x=1&y=2'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://example.org/</loc></url>\n' +
        '  <url><loc>https://example.org/a/?x=1&amp;y=2</loc></url>\n' +
        '</urlset>\n',
    );
  });
});

describe('robotsTxt', () => {
  test('allows everything and points to the sitemap by its absolute URL', () => {
    expect(robotsTxt('https://example.org/base/sitemap.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/base/sitemap.xml\n',
    );
  });
});

describe('sitePages as the corpus grows', () => {
  test('lists every archive page and each expert page of a theme too long to show in full', () => {
    const site = fixtureSite();
    const many = Array.from({ length: 45 }, (_, i) => ({ ...site.analyses[0]!, id: `a${i}` }));
    const long = Array.from({ length: 6 }, () => site.columnsFor('energy')[0]!.passages[0]!);
    const grown = {
      ...site,
      analyses: many,
      columnsFor: (id: string) =>
        id === 'energy' ? [{ expert: site.expert('ann-bell'), passages: long }] : site.columnsFor(id),
    };
    const pages = sitePages(grown, paths('/'));
    expect(pages.filter((p) => p.startsWith('/analyses/page/'))).toEqual([
      '/analyses/page/2/',
      '/analyses/page/3/',
    ]);
    expect(pages).toContain('/themes/energy/ann-bell/');
    expect(pages).not.toContain('/themes/trade/ann-bell/');
  });

  test('lists every page of a long expert page, of a long expert page on a theme and of the experts index', () => {
    const site = fixtureSite();
    const commentaries = Array.from({ length: EXPERT_PAGE_COMMENTARIES + 1 }, () => site.commentaries[0]!);
    const passages = Array.from(
      { length: 2 * THEME_EXPERT_PAGE_PASSAGES + 1 },
      () => site.columnsFor('energy')[0]!.passages[0]!,
    );
    const experts = Array.from({ length: EXPERTS_PAGE_SIZE + 1 }, (_, i) => ({
      ...site.experts[0]!,
      id: `e${i}`,
    }));
    const grown = {
      ...site,
      experts,
      commentariesBy: (id: string) => (id === 'e0' ? commentaries : []),
      columnsFor: (id: string) =>
        id === 'energy' ? [{ expert: site.expert('ann-bell'), passages }] : site.columnsFor(id),
    };
    const pages = sitePages(grown, paths('/'));
    expect(pages.filter((p) => p.startsWith('/experts/'))).toEqual([
      '/experts/',
      '/experts/page/2/',
      ...experts
        .map((e) => `/experts/${e.id}/`)
        .flatMap((p) => (p === '/experts/e0/' ? [p, `${p}page/2/`] : [p])),
    ]);
    expect(pages.filter((p) => p.startsWith('/themes/energy/ann-bell/'))).toEqual([
      '/themes/energy/ann-bell/',
      '/themes/energy/ann-bell/page/2/',
      '/themes/energy/ann-bell/page/3/',
    ]);
  });
});

describe('sitemapParts: the protocol caps a sitemap file at 50,000 URLs', () => {
  test.each([
    { count: 0, limit: 3, sizes: [0] },
    { count: 1, limit: 3, sizes: [1] },
    { count: 3, limit: 3, sizes: [3] },
    { count: 4, limit: 3, sizes: [3, 1] },
    { count: 7, limit: 3, sizes: [3, 3, 1] },
  ])('$count URLs, at most $limit a file: parts of $sizes', ({ count, limit, sizes }) => {
    const locations = Array.from({ length: count }, (_, i) => `/p${i}/`);
    const parts = sitemapParts(locations, limit);
    expect(parts.map((p) => p.length)).toEqual(sizes);
    expect(parts.flat()).toEqual(locations);
  });

  test('the default limit is the protocol’s: 50,000 fit one file, 50,001 need two', () => {
    expect(SITEMAP_LIMIT).toBe(50_000);
    expect(sitemapParts(new Array<string>(50_000).fill('/x/'))).toHaveLength(1);
    expect(sitemapParts(new Array<string>(50_001).fill('/x/')).map((p) => p.length)).toEqual([50_000, 1]);
  });

  test('refuses a limit below one URL', () => {
    expect(() => sitemapParts(['/a/'], 0)).toThrow(RangeError);
  });
});

describe('sitemapIndexXml', () => {
  test('lists each sitemap file by its escaped absolute URL', () => {
    expect(
      sitemapIndexXml(['https://example.org/a&b/sitemap-1.xml', 'https://example.org/a&b/sitemap-2.xml']),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <sitemap><loc>https://example.org/a&amp;b/sitemap-1.xml</loc></sitemap>\n' +
        '  <sitemap><loc>https://example.org/a&amp;b/sitemap-2.xml</loc></sitemap>\n' +
        '</sitemapindex>\n',
    );
  });
});
