import { describe, expect, test } from 'vitest';
import { openData } from './data';
import { parsePartialDate } from './dates';
import { buildModel } from './model';
import { readFacetFile, readIds } from './search';
import { facetFile, facetOptions, passageFacets, searchRecords, writeIds } from './search-index';
import { paths } from './urls';

const site = buildModel({
  analyses: [
    {
      id: 'old',
      title: 'An older piece',
      dek: 'Dek.',
      published: parsePartialDate('2023-01')!,
      source: { name: 'Source', url: 'https://example.org/old' },
      body: 'Intro.',
    },
    {
      id: 'new',
      title: 'A newer piece',
      dek: 'Dek.',
      published: parsePartialDate('2024-05')!,
      source: { name: 'Source', url: 'https://example.org/new' },
      body: 'Intro.',
    },
  ],
  experts: [{ id: 'ann-lee', name: 'Ann Lee', givenName: 'Ann', familyName: 'Lee', affiliation: 'X' }],
  themes: [
    { id: 'energy', title: 'Energy and oil', description: 'D.', terms: ['oil'] },
    { id: 'trade', title: 'Trade', description: 'D.', terms: ['tariff*'] },
  ],
  commentaries: [
    {
      id: 'old/ann-lee',
      analysis: 'old',
      expert: 'ann-lee',
      question: 'What happened to oil?',
      order: 1,
      themes: ['energy'],
      body: 'Oil prices rose.',
    },
    {
      id: 'new/ann-lee',
      analysis: 'new',
      expert: 'ann-lee',
      question: 'What about trade?',
      order: 1,
      themes: ['energy', 'trade'],
      body: 'Tariffs on oil came first.\n\nNothing else changed.',
    },
  ],
});

describe('searchRecords', () => {
  const records = searchRecords(openData(site, paths('/some/sub/path/')));

  test('makes one record per passage, in reading order with the newest analysis first', () => {
    expect(records.map((r) => [r.content, r.sort.order])).toEqual([
      ['Tariffs on oil came first.', '0'],
      ['Nothing else changed.', '1'],
      ['Oil prices rose.', '2'],
    ]);
  });

  test('links each record to its passage permalink without the base path, which the browser adds', () => {
    expect(records.map((r) => r.url)).toEqual([
      '/commentaries/new/ann-lee/#p-tariffs-on-oil-came-first',
      '/commentaries/new/ann-lee/#p-nothing-else-changed',
      '/commentaries/old/ann-lee/#p-oil-prices-rose',
    ]);
  });

  test('makes the expert’s name, the question and the passage’s theme titles searchable', () => {
    expect(records[0]!.meta).toEqual({
      expert: 'Ann Lee',
      question: 'What about trade?',
      themes: 'Energy and oil, Trade',
    });
    expect(records[1]!.meta.themes).toBe('');
  });

  test('gives Pagefind one filter that every record has, and no facet', () => {
    expect(records.map((r) => r.filters)).toEqual([{ all: ['1'] }, { all: ['1'] }, { all: ['1'] }]);
  });

  test('writes every record in the page language', () => {
    expect(new Set(records.map((r) => r.language))).toEqual(new Set(['en']));
  });
});

describe('the facet file', () => {
  const data = openData(site, paths('/some/sub/path/'));
  const facets = passageFacets(data);
  const ids = new Map([...facets.keys()].map((url, i) => [url, `en_${['c', 'a', 'b'][i]}`]));

  test('holds each passage’s expert, themes and analysis by id, keyed by its permalink', () => {
    expect([...facets]).toEqual([
      [
        '/commentaries/new/ann-lee/#p-tariffs-on-oil-came-first',
        { expert: ['ann-lee'], theme: ['energy', 'trade'], analysis: ['new'] },
      ],
      [
        '/commentaries/new/ann-lee/#p-nothing-else-changed',
        { expert: ['ann-lee'], theme: [], analysis: ['new'] },
      ],
      [
        '/commentaries/old/ann-lee/#p-oil-prices-rose',
        { expert: ['ann-lee'], theme: ['energy'], analysis: ['old'] },
      ],
    ]);
  });

  test('names each value once and each passage by its result id, sorted', () => {
    const file = facetFile(facets, ids);
    expect(file.values).toEqual({
      expert: ['ann-lee'],
      theme: ['energy', 'trade'],
      analysis: ['new', 'old'],
    });
    expect(file.ids).toBe('0en_a,3b,3c');
    // en_a is the second passage, en_b the third, en_c the first.
    expect(file.passages).toEqual({ expert: '0,0,0', theme: ',0,0.1', analysis: '0,1,0' });
  });

  test('reads back as the passages’ values', () => {
    const read = readFacetFile(facetFile(facets, ids));
    for (const [url, values] of facets) expect(read.get(ids.get(url)!)).toEqual(values);
  });

  test.each([
    ['a passage has no result id', new Map([...ids].slice(1))],
    ['a result id is no passage', new Map([...ids, ['/elsewhere/', 'en_d']])],
  ])('refuses to write a file that does not cover the index when %s', (_, partial) => {
    expect(() => facetFile(facets, partial)).toThrow(/search index/);
  });
});

describe('the facet file’s ids', () => {
  test.each([
    [[], ''],
    [['en_1a2b3c4'], '0en_1a2b3c4'],
    [['en_1a2b3c4', 'en_1a2ffff', 'en_9', 'fr_1a2b3c4'], '0en_1a2b3c4,6ffff,39,0fr_1a2b3c4'],
    [['a', 'ab', 'abc', 'b'], '0a,1b,2c,0b'],
  ])('front-codes %j as %j and reads it back', (ids, written) => {
    expect(writeIds(ids)).toBe(written);
    expect(readIds(written)).toEqual(ids);
  });

  test('reads back ids longer than 35 shared characters', () => {
    const ids = ['x'.repeat(40) + 'a', 'x'.repeat(40) + 'b'];
    expect(readIds(writeIds(ids))).toEqual(ids);
  });

  test.each([[['a,b']], [['']]])('refuses an id it could not read back: %j', (ids) => {
    expect(() => writeIds(ids)).toThrow(/cannot be written/);
  });
});

describe('facetOptions', () => {
  test('lists each facet’s values by id and label, in the order the site shows them', () => {
    expect(facetOptions(site)).toEqual({
      expert: [{ id: 'ann-lee', label: 'Ann Lee' }],
      theme: [
        { id: 'energy', label: 'Energy and oil' },
        { id: 'trade', label: 'Trade' },
      ],
      analysis: [
        { id: 'new', label: 'A newer piece' },
        { id: 'old', label: 'An older piece' },
      ],
    });
  });
});
