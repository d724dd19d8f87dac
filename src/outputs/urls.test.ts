import { describe, expect, test } from 'vitest';
import { emptyFilters, parseSearchState } from '../search/shared/contract.ts';
import { absolute, paths, withBase } from './urls.ts';

describe('withBase', () => {
  test.each([
    ['/', 'themes/', '/themes/'],
    ['/', '/themes/', '/themes/'],
    ['/some/sub/path/', 'themes/', '/some/sub/path/themes/'],
    ['/some/sub/path', '/themes/', '/some/sub/path/themes/'],
    ['/docs/', '', '/docs/'],
  ])('joins base %s and path %s as %s', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe('paths', () => {
  test.each(['/', '/some/sub/path/'])('prefixes every page URL with the base %s', (base) => {
    const p = paths(base);
    const built = [
      p.home(),
      p.analyses(),
      p.analyses(3),
      p.analysis('a'),
      p.themeByExpert('t', 'e'),
      p.commentary('a/b'),
      p.commentaryCite('a/b'),
      p.passage('a/b', 'p-x'),
      p.experts(),
      p.expert('e'),
      p.expert('e', 2),
      p.experts(2),
      p.themeByExpert('t', 'e', 2),
      p.dataPart(1),
      p.themes(),
      p.theme('t'),
      p.themeExpert('t', 'e'),
      p.expertOnTheme('t', 'e', true),
      p.expertOnTheme('t', 'e', false),
      p.search(),
      p.themeSearch('t'),
      p.searchBundle(),
      p.data(),
      p.feed(),
      p.expertFeed('e'),
      p.themeFeed('t'),
      p.analysisCitation('a', 'bib'),
      p.commentaryCitation('a/b', 'ris'),
      p.sitemap(),
      p.robots(),
    ];
    for (const url of built) expect(url.startsWith(base)).toBe(true);
  });

  test('keeps the slash of a nested commentary id and encodes each segment', () => {
    expect(paths('/').commentary('piece/expert one')).toBe('/commentaries/piece/expert%20one/');
  });

  test('points “Cite this” at its section of the commentary page', () => {
    expect(paths('/base/').commentaryCite('piece/ann')).toBe('/base/commentaries/piece/ann/#cite');
  });

  test('points a passage link at its anchor on the commentary page', () => {
    expect(paths('/base/').passage('piece/expert', 'p-the-first-words')).toBe(
      '/base/commentaries/piece/expert/#p-the-first-words',
    );
  });

  test.each([
    [1, '/analyses/'],
    [2, '/analyses/page/2/'],
  ])('gives archive page %i the address %s', (page, expected) => {
    expect(paths('/').analyses(page)).toBe(expected);
  });

  test.each([
    ['expert', paths('/').expert('jo', 1), '/experts/jo/'],
    ['expert', paths('/').expert('jo', 3), '/experts/jo/page/3/'],
    ['experts index', paths('/').experts(1), '/experts/'],
    ['experts index', paths('/').experts(2), '/experts/page/2/'],
    ['expert on a theme', paths('/').themeByExpert('tax', 'jo', 1), '/themes/tax/jo/'],
    ['expert on a theme', paths('/').themeByExpert('tax', 'jo', 2), '/themes/tax/jo/page/2/'],
    ['open-data part', paths('/').dataPart(4), '/data/commentaries/4.json'],
  ])('gives a page of the %s the address %s', (_, url, expected) => {
    expect(url).toBe(expected);
  });

  test('points a theme × expert link at the expert column of the theme page', () => {
    expect(paths('/').themeExpert('taxes', 'jane-doe')).toBe('/themes/taxes/#expert-jane-doe');
  });

  test('points at an expert’s column on a theme page when it has one, else at their page on the theme', () => {
    const p = paths('/b/');
    expect(p.expertOnTheme('taxes', 'jane-doe', true)).toBe(p.themeExpert('taxes', 'jane-doe'));
    expect(p.expertOnTheme('taxes', 'jane-doe', false)).toBe(p.themeByExpert('taxes', 'jane-doe'));
  });

  test.each(['taxes', 'tax & trade/é'])(
    'sends the search page a theme filter, newest first, that it reads back (%s)',
    (id) => {
      const url = paths('/b/').themeSearch(id);
      expect(url.startsWith(paths('/b/').search())).toBe(true);
      const state = parseSearchState(new URL(url, 'https://x.example').search);
      expect(state).toEqual({ q: '', filters: { ...emptyFilters(), theme: [id] }, sort: 'newest' });
    },
  );
});

describe('feeds, citation files and crawler files', () => {
  test.each([
    ['the analyses feed', paths('/base/').feed(), '/base/feed.xml'],
    ['an expert feed', paths('/base/').expertFeed('jane-doe'), '/base/experts/jane-doe/feed.xml'],
    ['a theme feed', paths('/base/').themeFeed('taxes'), '/base/themes/taxes/feed.xml'],
    ['an analysis BibTeX file', paths('/').analysisCitation('piece', 'bib'), '/analyses/piece/citation.bib'],
    [
      'a commentary RIS file, beside its page',
      paths('/base/').commentaryCitation('piece/jane-doe', 'ris'),
      '/base/commentaries/piece/jane-doe/citation.ris',
    ],
    ['the sitemap', paths('/base/').sitemap(), '/base/sitemap.xml'],
    ['a part of a long sitemap', paths('/base/').sitemapPart(2), '/base/sitemap-2.xml'],
    ['robots.txt', paths('/base/').robots(), '/base/robots.txt'],
  ])('puts %s at %s', (_what, built, expected) => {
    expect(built).toBe(expected);
  });
});

describe('absolute', () => {
  test.each([
    ['https://example.org', '/base/themes/', 'https://example.org/base/themes/'],
    ['https://example.org/', '/feed.xml', 'https://example.org/feed.xml'],
    [new URL('https://example.org'), '/a/#p-x', 'https://example.org/a/#p-x'],
  ])('joins site %s and path %s', (site, path, expected) => {
    expect(absolute(site, path)).toBe(expected);
  });

  test('leaves the path alone when no site is configured', () => {
    expect(absolute(undefined, '/base/')).toBe('/base/');
  });
});
