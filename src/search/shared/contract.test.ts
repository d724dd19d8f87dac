import { describe, expect, test } from 'vitest';
import { fold } from '../browser/highlight.ts';
import {
  analysisFilterValue,
  arrange,
  browseMatch,
  countResults,
  excerptParts,
  matchRecord,
  pagefindFilters,
  parseAnalysisFilterValue,
  decodePassageThemes,
  encodePassageThemes,
  phraseLocations,
  sections,
  withinThemes,
  type ArrangeInput,
  type RecordMatch,
  foldWord,
  hasFilters,
  isQuoted,
  pagefindQuery,
  matchesQuery,
  parseSearchState,
  newestDates,
  parseDateFilterValue,
  phraseFirst,
  queryWords,
  relevantLocations,
  resultSummary,
  searchQueryString,
  wordFound,
  wordsAt,
  withHighlight,
  withMatchedThemes,
  themeOfUrl,
  type SearchState,
} from './contract.ts';

const state = (
  q: string,
  filters: Partial<SearchState['filters']> = {},
  sort: SearchState['sort'] = 'relevance',
): SearchState => ({
  q,
  filters: { expert: [], theme: [], analysis: [], year: [], ...filters },
  sort,
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
    ['?q=delta&year=2024&year=2021', state('delta', { year: ['2024', '2021'] })],
    ['?q=delta&sort=newest', state('delta', {}, 'newest')],
    ['?expert=a&year=2022&sort=newest', state('', { expert: ['a'], year: ['2022'] }, 'newest')],
  ])('round-trips %j', (search, expected) => {
    expect(parseSearchState(search)).toEqual(expected);
    expect(searchQueryString(expected)).toBe(search);
  });

  test('ignores unknown keys, blank values and repeated values, and trims the query', () => {
    expect(parseSearchState('?q=++taiwan+&expert=&expert=a&expert=a&page=2&highlight=x')).toEqual(
      state('taiwan', { expert: ['a'] }),
    );
  });

  test.each(['?q=delta&sort=oldest', '?q=delta&sort=', '?q=delta&sort=relevance'])(
    'reads %j as sorted by relevance, the default, which the URL leaves out',
    (search) => {
      expect(parseSearchState(search)).toEqual(state('delta'));
      expect(searchQueryString(parseSearchState(search))).toBe('?q=delta');
    },
  );

  test.each([
    [state(''), false],
    [state('taiwan'), false],
    [state('', {}, 'newest'), false],
    [state('', { year: ['2024'] }), true],
    [state('', { theme: ['taiwan'] }), true],
  ])('knows whether filters are chosen in %j', (s, expected) => {
    expect(hasFilters(s)).toBe(expected);
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
    [0, 'No result'],
    [1, '1 result'],
    [3, '3 results'],
  ])('counts %i as %j', (n, expected) => {
    expect(countResults(n)).toBe(expected);
  });

  test.each([
    [{ count: 3, query: 'fentanyl', filtered: false, missing: [] }, '3 results match “fentanyl”.'],
    [{ count: 1, query: 'opioids', filtered: false, missing: [] }, '1 result matches “opioids”.'],
    [{ count: 0, query: 'zzz', filtered: false, missing: ['zzz'] }, 'No result matches “zzz”.'],
    [
      { count: 2, query: 'taiwan', filtered: true, missing: [] },
      '2 results match “taiwan” with the chosen filters.',
    ],
    [{ count: 6, query: '', filtered: true, missing: [] }, '6 results match the chosen filters.'],
    [
      { count: 1, query: 'fentanyl Israel', filtered: false, missing: ['Israel'] },
      '1 result matches “fentanyl Israel”. Nothing mentions “Israel”, so it was left out.',
    ],
    [
      { count: 4, query: 'fentanyl', filtered: false, missing: [], themes: ['Counternarcotics'] },
      '4 results match “fentanyl”. Then passages tagged with Counternarcotics.',
    ],
    [
      { count: 2, query: 'NYU', filtered: false, missing: [], themes: ['Universities'], themedOnly: true },
      '2 results match “NYU” by a theme: Universities.',
    ],
    [
      { count: 1, query: 'NYU', filtered: true, missing: [], themes: ['Universities'], themedOnly: true },
      '1 result matches “NYU” by a theme: Universities, with the chosen filters.',
    ],
    [
      { count: 0, query: 'NYU', filtered: true, missing: [], themes: [], themedOnly: false },
      'No result matches “NYU” with the chosen filters.',
    ],
  ])('says %j as %j', (input, expected) => {
    expect(resultSummary(input)).toBe(expected);
  });
});

describe('the analysis filter’s values', () => {
  test.each([
    ['trip', 'A trip to Beijing', 'trip A trip to Beijing'],
    ['a-b', 'Title, with a comma', 'a-b Title, with a comma'],
  ])('%j and %j make %j, and read back', (id, title, value) => {
    expect(analysisFilterValue(id, title)).toBe(value);
    expect(parseAnalysisFilterValue(value)).toEqual({ id, title });
  });
});

describe('pagefindFilters', () => {
  const analyses = [analysisFilterValue('trip', 'A trip'), analysisFilterValue('talks', 'Talks')];
  test.each<[string, SearchState, string | undefined, object]>([
    ['nothing chosen', state('x'), undefined, {}],
    [
      'values of one facet widen',
      state('x', { expert: ['a', 'b'] }),
      undefined,
      { expert: { any: ['a', 'b'] } },
    ],
    [
      'facets narrow each other',
      state('x', { expert: ['a'], theme: ['t'] }),
      undefined,
      { expert: { any: ['a'] }, theme: { any: ['t'] } },
    ],
    [
      'an analysis by its full value',
      state('x', { analysis: ['talks'] }),
      undefined,
      { analysis: { any: ['Talks'.replace(/^/, 'talks ')] } },
    ],
    [
      'an unknown analysis keeps its id, which matches nothing',
      state('x', { analysis: ['gone'] }),
      undefined,
      { analysis: { any: ['gone'] } },
    ],
    [
      'years widen each other and narrow the other facets',
      state('x', { expert: ['a'], year: ['2024', '2023'] }),
      undefined,
      { expert: { any: ['a'] }, year: { any: ['2024', '2023'] } },
    ],
    [
      'one facet left out, to count it',
      state('x', { expert: ['a'], theme: ['t'] }),
      'expert',
      { theme: { any: ['t'] } },
    ],
  ])('%s', (_, input, without, expected) => {
    expect(pagefindFilters(input, analyses, without as never)).toEqual(expected);
  });
});

describe('parseDateFilterValue', () => {
  test.each([
    ['2024-04 April 2024', { iso: '2024-04', label: 'April 2024' }],
    ['2024-04-26 26 April 2024', { iso: '2024-04-26', label: '26 April 2024' }],
    ['2024', { iso: '2024', label: '2024' }],
  ])('reads %j', (value, expected) => {
    expect(parseDateFilterValue(value)).toEqual(expected);
  });
});

describe('newestDates', () => {
  const value = (iso: string) => `${iso} label of ${iso}`;
  const counts = (entries: [string, number][]) =>
    Object.fromEntries(entries.map(([iso, n]) => [value(iso), n]));
  test.each<[string, [string, number][], string[]]>([
    [
      'newest first',
      [
        ['2021-03', 2],
        ['2024-11', 1],
        ['2022-07-19', 3],
      ],
      ['2024-11', '2022-07-19', '2021-03'],
    ],
    [
      'a month-only date after the days of its month, a year-only date after its months',
      [
        ['2024-04', 1],
        ['2024-04-26', 1],
        ['2024-04-01', 1],
        ['2024', 1],
        ['2024-01', 1],
        ['2023-12-31', 1],
        ['2024-12', 1],
      ],
      ['2024-12', '2024-04-26', '2024-04-01', '2024-04', '2024-01', '2024', '2023-12-31'],
    ],
    [
      'dates without results left out',
      [
        ['2024-04', 0],
        ['2023-01', 4],
      ],
      ['2023-01'],
    ],
    ['nothing for no counts', [], []],
  ])('%s', (_, entries, expected) => {
    expect(newestDates(counts(entries))).toEqual(expected.map(value));
  });
});

describe('sections', () => {
  test.each([
    [
      'each element runs to the next',
      [
        { id: 'q', location: 0 },
        { id: 'p-1', location: 3 },
      ],
      8,
      [
        { id: 'q', start: 0, end: 3 },
        { id: 'p-1', start: 3, end: 8 },
      ],
    ],
    [
      'anchors out of order are sorted',
      [
        { id: 'p-1', location: 3 },
        { id: 'q', location: 0 },
      ],
      5,
      [
        { id: 'q', start: 0, end: 3 },
        { id: 'p-1', start: 3, end: 5 },
      ],
    ],
    [
      'an empty element is an empty section',
      [
        { id: 'a', location: 2 },
        { id: 'b', location: 2 },
      ],
      4,
      [
        { id: 'a', start: 2, end: 2 },
        { id: 'b', start: 2, end: 4 },
      ],
    ],
    ['anchors without an id are left out', [{ id: '', location: 0 }], 4, []],
  ])('%s', (_, anchors, count, expected) => {
    expect(sections(anchors, count)).toEqual(expected);
  });
});

describe('matchRecord', () => {
  // question (0–2) · expert (3–4) · p-a (5–9) · p-b (10–13) · theme-drugs (14–16)
  const content =
    'Why fentanyl now? Ann Lee Trade rose and oil fell. Opioids and fentanyl flowed. Drugs; opioids; NYU';
  const anchors = [
    { id: 'question', location: 0 },
    { id: 'expert', location: 3 },
    { id: 'p-a', location: 5 },
    { id: 'p-b', location: 10 },
    { id: 'theme-drugs', location: 14 },
  ];
  test.each<[string, number[], string[], boolean, RecordMatch]>([
    [
      'a word in a passage, the question and a theme',
      [1, 12, 15],
      ['fentanyl'],
      false,
      { passages: [{ id: 'p-b', locations: [2], words: 1 }], themes: [], fields: ['question'] },
    ],
    [
      'locations of words the reader did not ask for are dropped',
      [5, 12],
      ['fentanyl'],
      false,
      { passages: [{ id: 'p-b', locations: [2], words: 1 }], themes: [], fields: [] },
    ],
    ['a theme’s term alone', [16], ['NYU'], false, { passages: [], themes: ['drugs'], fields: [] }],
    [
      'counts the query words each passage says',
      [5, 8, 10, 12],
      ['trade', 'oil', 'opioids'],
      false,
      {
        passages: [
          { id: 'p-a', locations: [0, 3], words: 2 },
          { id: 'p-b', locations: [0], words: 1 },
        ],
        themes: [],
        fields: [],
      },
    ],
    [
      'a phrase is found where its words stand together, whatever Pagefind reported',
      [15],
      ['opioids', 'and'],
      true,
      { passages: [{ id: 'p-b', locations: [0, 1], words: 2 }], themes: [], fields: [] },
    ],
  ])('%s', (_, locations, query, phrase, expected) => {
    expect(matchRecord(content, anchors, locations, query, { phrase })).toEqual(expected);
  });
});

describe('phraseLocations', () => {
  test.each([
    [
      ['face-to-face', 'talks', 'and', 'face-to-face', 'diplomacy'],
      ['face-to-face', 'diplomacy'],
      [3, 4],
    ],
    [['Face-to-Face'], ['face-to-face'], [0]],
    [['face', 'talks'], ['face-to-face'], []],
    [['a', 'b'], [], []],
  ])('%j for %j: %j', (words, phrase, expected) => {
    expect(phraseLocations(words, phrase)).toEqual(expected);
  });
});

describe('the passages’ themes in a record’s meta', () => {
  const order = ['taiwan', 'trade', 'water'];
  test.each([
    [[['taiwan', 'water'], [], ['trade']], '0+2 - 1'],
    [[[]], '-'],
    [[], ''],
  ])('%j is written %j, with no word in it, and read back', (themes, meta) => {
    const passages = themes.map((t) => ({ themes: t }));
    expect(encodePassageThemes(passages, order)).toBe(meta);
    expect(meta).not.toMatch(/\p{L}/u);
    const ids = themes.map((_, i) => `p-${i}`);
    expect([...decodePassageThemes(meta, ids, order)]).toEqual(ids.map((id, i) => [id, themes[i]]));
  });
  test('a theme the list does not have is left out', () => {
    expect(encodePassageThemes([{ themes: ['gone', 'trade'] }], order)).toBe('1');
    expect([...decodePassageThemes('1+7', ['p-a'], order)]).toEqual([['p-a', ['trade']]]);
  });
});

describe('arrange', () => {
  const hit = (id: string, words = 1, matches = 1) => ({
    id,
    locations: Array.from({ length: matches }, (_, i) => i),
    words,
  });
  const record = (match: Partial<RecordMatch>, themes: [string, string[]][] = []): ArrangeInput => ({
    match: { passages: [], themes: [], fields: [], ...match },
    passageThemes: new Map(themes),
  });
  const kinds = (items: ReturnType<typeof arrange>) =>
    items.map((i) =>
      i.kind === 'more'
        ? `${i.record}:more(${i.rest.map((r) => r.passage).join(',')})`
        : i.kind === 'commentary'
          ? `${i.record}:commentary`
          : `${i.record}:${i.kind}:${i.passage}`,
    );

  test.each<[string, ArrangeInput[], boolean, string[]]>([
    [
      'no record lists more than two passages before the next record’s',
      [record({ passages: [hit('a'), hit('b'), hit('c'), hit('d')] }), record({ passages: [hit('e')] })],
      true,
      ['0:passage:a', '0:passage:b', '0:more(c,d)', '1:passage:e'],
    ],
    [
      'a record’s best passages first: most query words, then most matches, then reading order',
      [record({ passages: [hit('a', 1, 1), hit('b', 2, 1), hit('c', 1, 3), hit('d', 2, 2)] })],
      true,
      ['0:passage:d', '0:passage:b', '0:more(c,a)'],
    ],
    [
      'passages with fewer query words than the best one wait behind “more”',
      [record({ passages: [hit('a', 1), hit('b', 3)] })],
      true,
      ['0:passage:b', '0:more(a)'],
    ],
    [
      'a record whose only match is its question is listed once, below every passage',
      [record({ fields: ['question'] }), record({ passages: [hit('a')] }), record({ fields: ['question'] })],
      true,
      ['1:passage:a', '0:commentary', '2:commentary'],
    ],
    [
      'a question match does not add a record’s passages that do not say the words',
      [
        record({ passages: [hit('a')], fields: ['question'] }, [
          ['a', []],
          ['b', []],
        ]),
      ],
      true,
      ['0:passage:a'],
    ],
    [
      'passages tagged with a matching theme come below those that say the word, two per record',
      [
        record({ themes: ['drugs'] }, [
          ['x', ['drugs']],
          ['y', ['drugs']],
          ['z', ['drugs']],
          ['w', []],
        ]),
        record({ passages: [hit('a')], themes: ['drugs'] }, [
          ['a', ['drugs']],
          ['b', ['drugs']],
        ]),
      ],
      true,
      ['1:passage:a', '0:themed:x', '0:themed:y', '0:more(z)', '1:themed:b'],
    ],
    [
      'until every result is loaded, only passages that say the words are listed',
      [
        record({ fields: ['question'] }),
        record({ themes: ['t'] }, [['x', ['t']]]),
        record({ passages: [hit('a')] }),
      ],
      false,
      ['2:passage:a'],
    ],
  ])('%s', (_, records, complete, expected) => {
    expect(kinds(arrange(records, complete))).toEqual(expected);
  });
});

describe('browsing and theme filters', () => {
  const themes = new Map([
    ['p-a', ['t1']],
    ['p-b', ['t2']],
  ]);
  test.each([
    [[], ['p-a', 'p-b']],
    [['t2'], ['p-b']],
  ])('browsing with themes %j lists %j', (chosen, expected) => {
    expect(browseMatch(themes, chosen).passages.map((p) => p.id)).toEqual(expected);
  });
  test('with a theme chosen, a search keeps only the passages tagged with it', () => {
    const match = {
      passages: [
        { id: 'p-a', locations: [0], words: 1 },
        { id: 'p-b', locations: [0], words: 1 },
      ],
      themes: ['t1', 't2'],
      fields: [],
    };
    expect(withinThemes(match, themes, ['t2'])).toEqual({
      passages: [match.passages[1]],
      themes: ['t2'],
      fields: [],
    });
    expect(withinThemes(match, themes, [])).toBe(match);
  });
});

describe('withMatchedThemes', () => {
  const passageThemes = new Map([
    ['p-a', ['trade']],
    ['p-b', ['energy', 'trade']],
  ]);
  test.each([
    [['energy'], ['energy']],
    [['energy', 'water'], ['energy']],
    [['water'], []],
    [[], []],
  ])('a record tagged with trade and energy, for matched themes %j, keeps %j', (matched, expected) => {
    const said = { passages: [{ id: 'p-a', locations: [0], words: 1 }], themes: [], fields: [] };
    expect(withMatchedThemes(said, passageThemes, matched)).toEqual({ ...said, themes: expected });
  });
});

describe('themeOfUrl', () => {
  test.each([
    ['/themes/taiwan/', 'taiwan'],
    ['/some/sub/path/themes/water-sharing/', 'water-sharing'],
    ['/themes/taiwan/expert-a/', undefined],
    ['/commentaries/a/b/', undefined],
  ])('%s is about %s', (url, id) => {
    expect(themeOfUrl(url)).toBe(id);
  });
});
