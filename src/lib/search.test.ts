import { describe, expect, test } from 'vitest';
import { fold } from './highlight';
import {
  countPassages,
  excerptParts,
  foldWord,
  hasFilters,
  isQuoted,
  pagefindQuery,
  matchesQuery,
  facetCounts,
  filterResults,
  passageAnalysis,
  passesFilters,
  facetFileName,
  idsChecksum,
  readFacetFile,
  parseSearchState,
  phraseFirst,
  queryWords,
  relevantLocations,
  resultSummary,
  searchQueryString,
  wordFound,
  wordsAt,
  withHighlight,
  type SearchState,
} from './search';

const state = (q: string, filters: Partial<SearchState['filters']> = {}): SearchState => ({
  q,
  filters: { expert: [], theme: [], analysis: [], ...filters },
});

describe('the search state in the URL', () => {
  test.each([
    ['', state('')],
    ['?q=fentanyl', state('fentanyl')],
    ['?q=south+china+sea&expert=carla-freeman', state('south china sea', { expert: ['carla-freeman'] })],
    [
      '?theme=taiwan&theme=south-china-sea&analysis=blinken-china-trip',
      state('', { theme: ['taiwan', 'south-china-sea'], analysis: ['blinken-china-trip'] }),
    ],
    ['?q=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E', state('<img src=x onerror=alert(1)>')],
  ])('round-trips %j', (search, expected) => {
    expect(parseSearchState(search)).toEqual(expected);
    expect(searchQueryString(expected)).toBe(search);
  });

  test('ignores unknown keys, blank values and repeated values, and trims the query', () => {
    expect(parseSearchState('?q=++taiwan+&expert=&expert=a&expert=a&page=2&highlight=x')).toEqual(
      state('taiwan', { expert: ['a'] }),
    );
  });

  test.each([
    [state(''), false],
    [state('taiwan'), false],
    [state('', { theme: ['taiwan'] }), true],
  ])('knows whether filters are chosen in %j', (s, expected) => {
    expect(hasFilters(s)).toBe(expected);
  });
});

describe('filtering by facet', () => {
  // p1: a on t; p2: b on t and u; p3: b on nothing; p4: not in the facet file.
  const indexed = ['p1', 'p2', 'p3'];
  const facets = readFacetFile(
    {
      values: { expert: ['a', 'b'], theme: ['t', 'u'], analysis: ['x'] },
      records: 3,
      checksum: idsChecksum(indexed),
      passages: { expert: '0,1,1', theme: '0,0.1,', analysis: '0,0,0' },
    },
    indexed,
  );
  const ids = ['p1', 'p2', 'p3', 'p4'];
  const kept = (filters: Partial<SearchState['filters']>) =>
    filterResults(
      ids.map((id) => ({ id })),
      facets,
      state('q', filters),
    ).map((r) => r.id);

  test('reads each passage’s values from the value tables', () => {
    expect(facets.get('p2')).toEqual({ expert: ['b'], theme: ['t', 'u'], analysis: ['x'] });
    expect(facets.get('p3')).toEqual({ expert: ['b'], theme: [], analysis: ['x'] });
  });

  test.each([
    ['no filter keeps every result, even one the facet file does not know', {}, ids],
    ['one value keeps its passages', { expert: ['a'] }, ['p1']],
    ['values of one facet widen', { expert: ['a', 'b'] }, ['p1', 'p2', 'p3']],
    ['facets narrow each other', { expert: ['a', 'b'], theme: ['u'] }, ['p2']],
    ['a value no passage has keeps nothing', { theme: ['nowhere'] }, []],
  ] as const)('%s', (_, filters, expected) => {
    expect(kept(filters as Partial<SearchState['filters']>)).toEqual(expected);
  });

  test('can leave one facet out, to count what its other values would add', () => {
    const s = state('q', { expert: ['a'], theme: ['u'] });
    expect(passesFilters(facets.get('p2'), s)).toBe(false);
    expect(passesFilters(facets.get('p2'), s, 'expert')).toBe(true);
  });

  test('counts each value among the results, without a facet’s own choice', () => {
    expect(facetCounts(ids, facets, state('q'))).toEqual({
      expert: { a: 1, b: 2 },
      theme: { t: 2, u: 1 },
      analysis: { x: 3 },
    });
    // Choosing b: experts still count as if none were chosen; themes and analyses count b's passages.
    expect(facetCounts(ids, facets, state('q', { expert: ['b'] }))).toEqual({
      expert: { a: 1, b: 2 },
      theme: { t: 1, u: 1 },
      analysis: { x: 2 },
    });
  });

  test('counts only among the given results', () => {
    expect(facetCounts(['p1'], facets, state('q')).expert).toEqual({ a: 1 });
  });
});

describe('the facet file’s rows', () => {
  const file = {
    values: { expert: ['a'], theme: [], analysis: ['x'] },
    records: 2,
    checksum: idsChecksum(['en_1', 'en_2']),
    passages: { expert: '0,0', theme: ',', analysis: '0,0' },
  };

  test.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('are checked with 32-bit FNV-1a (published test vector for %j)', (text, expected) => {
    expect(idsChecksum(text === '' ? [] : [text])).toBe(expected.toString(36));
  });

  test('joins the ids with commas, so that their boundaries count', () => {
    expect(idsChecksum(['ab', 'c'])).not.toBe(idsChecksum(['a', 'bc']));
    expect(idsChecksum(['foo', 'bar'])).toBe(idsChecksum(['foo,bar']));
  });

  test('are matched to the index’s ids in its order', () => {
    expect([...readFacetFile(file, ['en_1', 'en_2']).keys()]).toEqual(['en_1', 'en_2']);
  });

  test.each([
    ['in another order', ['en_2', 'en_1']],
    ['of another index', ['en_1', 'en_3']],
    ['with a record more', ['en_1', 'en_2', 'en_3']],
    ['with a record less', ['en_1']],
  ])('are refused for ids %s, rather than misread', (_, ids) => {
    expect(() => readFacetFile(file, ids)).toThrow(/belongs to another build than the search index/);
  });

  test.each([
    ['an older format, keyed by ids', { values: file.values, ids: '0en_1,4en_2', passages: file.passages }],
    ['no object at all', null],
    ['a column missing', { ...file, passages: { expert: '0,0' } }],
  ])('are refused when the file is %s', (_, odd) => {
    expect(() => readFacetFile(odd as unknown as typeof file, ['en_1', 'en_2'])).toThrow(
      /not one this page can read/,
    );
  });

  test('are named by the checksum, so that a page never reads another build’s file', () => {
    expect(facetFileName(file.checksum)).toBe(`facets.${file.checksum}.json`);
  });
});

describe('passageAnalysis', () => {
  test.each([
    ['/commentaries/trade-talks/ann-lee/#p-the-areas', 'trade-talks'],
    ['/some/sub/path/commentaries/a%20b/c/#p', 'a b'],
    ['/commentaries/a/b/', 'a'],
    ['/themes/taiwan/', undefined],
    ['/commentaries/%E0%A4%A/b/#p', undefined],
  ])('finds the analysis of %s', (url, expected) => {
    expect(passageAnalysis(url)).toBe(expected);
  });
});

describe('pagefindQuery', () => {
  test.each([
    ['AI', '"AI"'],
    [' Xi ', '"Xi"'],
    ['U.S.', '"U.S."'],
    ['fentanyl', 'fentanyl'],
    ['tai', 'tai'],
    ['AI governance', 'AI governance'],
    ['"AI"', '"AI"'],
    ['', ''],
  ])('searches %j as %j', (query, expected) => {
    expect(pagefindQuery(query)).toBe(expected);
  });
});

describe('query words', () => {
  test.each([
    ['"South China Sea"', true],
    ['  "face-to-face"  ', true],
    ['South China Sea', false],
    ['"South China" Sea', false],
    ['""', false],
  ])('%j is an exact phrase: %s', (query, expected) => {
    expect(isQuoted(query)).toBe(expected);
  });

  test.each([
    ['fentanyl', ['fentanyl']],
    ['  AI   governance ', ['AI', 'governance']],
    ['"South China Sea"', ['South', 'China', 'Sea']],
    ['“managed competition”', ['managed', 'competition']],
    ['Taiwan — taiwan Taiwan', ['Taiwan', 'taiwan']],
    ['<img src=x onerror=alert(1)>', ['<img', 'src=x', 'onerror=alert(1)>']],
  ])('splits %j into %j', (query, expected) => {
    expect(queryWords(query)).toEqual(expected);
  });

  test.each([
    ['Russia’s', 'russias'],
    ['U.S.-China', 'uschina'],
    ['Café', 'cafe'],
  ])('folds %s to %s', (word, expected) => {
    expect(foldWord(word)).toBe(expected);
    // The reading pages' highlighter keeps its own copy (it must ship without imports): the same words.
    expect(fold(word)).toBe(expected);
  });
});

describe('wordFound', () => {
  test.each([
    ['a word matched as itself', 'fentanyl', ['fentanyl'], true],
    ['a stemmed form', 'opioid', ['opioids'], true],
    ['the start of a longer word, as typed', 'opio', ['opioids'], true],
    ['another spelling with the same stem', 'stabilise', ['stabilize'], true],
    ['a short word', 'AI', ['AI'], true],
    ['a word with punctuation', 'U.S.', ['U.S.-China'], true],
    ['a name found in the metadata', 'Scobell', ['Andrew', 'Scobell'], true],
  ])('accepts %s', (_case, word, matched, expected) => {
    expect(wordFound(word, matched)).toBe(expected);
  });

  test.each([
    ['a short word Pagefind fell back to', 'Israel', ['is']],
    ['a short word at the start of a longer query word', 'inflation', ['in']],
    ['an article', 'alert', ['a']],
    ['nothing matched', 'climate', []],
    ['a word without letters', '—', ['—']],
  ])('rejects %s', (_case, word, matched) => {
    expect(wordFound(word, matched)).toBe(false);
  });
});

describe('matchesQuery', () => {
  test.each([
    ['the word itself', 'fentanyl,', ['fentanyl'], true],
    ['another form of a longer word', 'escalation', ['escalate'], true],
    ['a possessive', 'China’s', ['china'], true],
    ['a part of a compound', 'U.S.-China', ['China'], true],
    ['a short word', 'AI', ['ai', 'governance'], true],
    ['a longer word that starts with a short one', 'aims', ['AI'], false],
    ['a word that only starts like a short one', 'toward', ['approach', 'to', 'China'], false],
    ['an unrelated word', 'tools', ['approach'], false],
  ])('%s: %s for %j is %s', (_case, word, query, expected) => {
    expect(matchesQuery(word, query)).toBe(expected);
  });
});

describe('relevantLocations', () => {
  test('keeps the locations of the words the reader asked for', () => {
    expect(relevantLocations('AI talks aimed at AI aims', [0, 2, 4, 5], ['AI'])).toEqual([0, 4]);
  });
});

describe('wordsAt', () => {
  test('returns the matched words without punctuation or repeats, in text order', () => {
    const content = 'Xi greeted Blinken. If Xi had failed to greet Blinken, (it) could';
    expect(wordsAt(content, [9, 4, 0, 2, 10])).toEqual(['Xi', 'Blinken', 'it']);
  });
});

describe('excerptParts', () => {
  const text = (parts: { text: string; mark: boolean }[]) =>
    parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

  test('marks the matched words of a short passage and shows all of it', () => {
    expect(text(excerptParts('A flow of synthetic opioids.', [4], 10))).toBe(
      'A flow of synthetic [opioids].',
    );
  });

  test('marks the word but not the punctuation around it', () => {
    expect(text(excerptParts('policy of “managed competition” with China', [2, 3], 10))).toBe(
      'policy of “[managed] [competition]” with China',
    );
  });

  test('cuts a long passage around the matches, with ellipses where it was cut', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    expect(text(excerptParts(words, [50, 52], 8))).toBe('… w48 w49 [w50] w51 [w52] w53 w54 w55 …');
  });

  test('prefers the window with the most matches', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const parts = excerptParts(words, [5, 40, 42, 44], 10);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['w40', 'w42', 'w44']);
  });

  test('starts at the beginning when nothing in the text matched', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    expect(text(excerptParts(words, [], 4))).toBe('w0 w1 w2 w3 …');
  });

  test('keeps markup in the text as text', () => {
    expect(excerptParts('<b>bold</b> & more', [], 10)).toEqual([{ text: '<b>bold</b> & more', mark: false }]);
  });
});

describe('phraseFirst', () => {
  test('puts results that contain the phrase first, keeping the order within each group', () => {
    const results = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    expect(phraseFirst(results, new Set(['c', 'a'])).map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
  });
});

describe('withHighlight', () => {
  test.each([
    ['/base/commentaries/a/b/#p-x', ['opioids'], '/base/commentaries/a/b/?highlight=opioids#p-x'],
    [
      '/commentaries/a/b/#p-x',
      ['AI', 'governance'],
      '/commentaries/a/b/?highlight=AI&highlight=governance#p-x',
    ],
    ['/commentaries/a/b/', ['Xi'], '/commentaries/a/b/?highlight=Xi'],
    ['/commentaries/a/b/?x=1#p', ['Xi'], '/commentaries/a/b/?x=1&highlight=Xi#p'],
    ['/commentaries/a/b/#p-x', [], '/commentaries/a/b/#p-x'],
    ['/c/#p', ['<img src=x>'], '/c/?highlight=%3Cimg+src%3Dx%3E#p'],
  ])('adds the words to %s', (url, words, expected) => {
    expect(withHighlight(url, words)).toBe(expected);
  });
});

describe('the announced result count', () => {
  test.each([
    [0, 'No passage'],
    [1, '1 passage'],
    [3, '3 passages'],
  ])('counts %i as %j', (n, expected) => {
    expect(countPassages(n)).toBe(expected);
  });

  test.each([
    [{ count: 3, query: 'fentanyl', filtered: false, missing: [] }, '3 passages match “fentanyl”.'],
    [{ count: 1, query: 'opioids', filtered: false, missing: [] }, '1 passage matches “opioids”.'],
    [{ count: 0, query: 'zzz', filtered: false, missing: ['zzz'] }, 'No passage matches “zzz”.'],
    [
      { count: 2, query: 'taiwan', filtered: true, missing: [] },
      '2 passages match “taiwan” with the chosen filters.',
    ],
    [{ count: 6, query: '', filtered: true, missing: [] }, '6 passages match the chosen filters.'],
    [
      { count: 1, query: 'fentanyl Israel', filtered: false, missing: ['Israel'] },
      '1 passage matches “fentanyl Israel”. No passage mentions “Israel”, so it was left out.',
    ],
  ])('says %j as %j', (input, expected) => {
    expect(resultSummary(input)).toBe(expected);
  });
});
