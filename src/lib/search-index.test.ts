import { describe, expect, test } from 'vitest';
import { openData } from './data';
import { parsePartialDate } from './dates';
import { buildModel } from './model';
import { idsChecksum, readFacetFile } from './search';
import { facetFile, facetOptions, passageFacets, searchRecords } from './search-index';
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
    expect(records.map((r) => r.content)).toEqual([
      'Tariffs on oil came first.',
      'Nothing else changed.',
      'Oil prices rose.',
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

  test('gives Pagefind no filter and no sort: both would weigh on every first search', () => {
    for (const record of records)
      expect(Object.keys(record).sort()).toEqual(['content', 'language', 'meta', 'url']);
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

  test('names each value once and writes a row per passage in the index’s order', () => {
    const file = facetFile([...facets.keys()], facets, ids);
    expect(file.values).toEqual({
      expert: ['ann-lee'],
      theme: ['energy', 'trade'],
      analysis: ['new', 'old'],
    });
    expect(file.passages).toEqual({ expert: '0,0,0', theme: '0.1,,0', analysis: '0,0,1' });
    expect(file.records).toBe(3);
    expect(file.checksum).toBe(idsChecksum(['en_c', 'en_a', 'en_b']));
  });

  test('follows the order it is given, not the facet map’s', () => {
    const order = [...facets.keys()].reverse();
    expect(facetFile(order, facets, ids).passages.analysis).toBe('0,1,1');
    expect(facetFile(order, facets, ids).checksum).toBe(idsChecksum(['en_b', 'en_a', 'en_c']));
  });

  test('reads back as the passages’ values, given the ids in the index’s order', () => {
    const order = [...facets.keys()];
    const read = readFacetFile(
      facetFile(order, facets, ids),
      order.map((url) => ids.get(url)!),
    );
    for (const [url, values] of facets) expect(read.get(ids.get(url)!)).toEqual(values);
  });

  test.each([
    ['a passage has no result id', [...facets.keys()], new Map([...ids].slice(1)), /no record for/],
    [
      'a result id is no passage',
      [...facets.keys()],
      new Map([...ids, ['/elsewhere/', 'en_d']]),
      /which is no passage/,
    ],
    [
      'a record has no facet values',
      [...facets.keys(), '/elsewhere/'],
      new Map([...ids, ['/elsewhere/', 'en_d']]),
      /no facet values/,
    ],
  ])('refuses to write a file that does not cover the index when %s', (_, order, partial, message) => {
    expect(() => facetFile(order, facets, partial)).toThrow(message);
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
