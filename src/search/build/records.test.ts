import { describe, expect, test } from 'vitest';
import { parsePartialDate } from '../../util/dates.ts';
import { buildModel } from '../../model/model.ts';
import { parseDateFilterValue } from '../shared/contract.ts';
import { dateFilterValue, facetOptions, introductionText, searchDocuments, themeText } from './records.ts';

const ANALYSIS = {
  id: 'solo',
  title: 'Solo',
  dek: 'Dek.',
  published: parsePartialDate('2024-01')!,
  source: { name: 'Source', url: 'https://example.org/solo' },
  body: '',
};

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
      bottomLine: 'Zebrafish tariffs came before everything else.',
      body: 'Tariffs on oil came first.\n\nNothing else changed.',
    },
  ],
});

describe('searchDocuments', () => {
  const documents = searchDocuments(site);
  const html = (url: string) => documents.find((d) => d.url === url)?.content ?? '';
  const newer = '/commentaries/new/ann-lee/';

  test('makes one record per commentary, in reading order, one per analysis introduction and one per theme', () => {
    expect(documents.map((d) => d.url)).toEqual([
      newer,
      '/commentaries/old/ann-lee/',
      '/analyses/new/#introduction',
      '/analyses/old/#introduction',
      '/themes/energy/',
      '/themes/trade/',
    ]);
  });

  test('puts each passage under its own id, the question, expert and analysis title under theirs', () => {
    const page = html(newer);
    const ids = [...page.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'question',
      'expert',
      'analysis',
      'p-tariffs-on-oil-came-first',
      'p-nothing-else-changed',
    ]);
    expect(page).toContain('<a id="question"></a><p data-pagefind-weight="0.5">What about trade?</p>');
    expect(page).toContain('<a id="p-tariffs-on-oil-came-first"></a><p>Tariffs on oil came first.</p>');
  });

  test('says a theme’s title and terms once, in its own record marked by the record filter, not in its commentaries', () => {
    const theme = html('/themes/trade/');
    expect(theme).toContain('<a id="theme"></a><p>Trade; tariff</p>');
    expect(theme).toContain('<meta data-pagefind-filter="record[content]" content="theme">');
    expect(theme).not.toContain('data-pagefind-filter="theme');
    // The commentary's body, which Pagefind indexes, no longer repeats its themes' titles and terms.
    expect(html(newer).split('<body>')[1]).not.toMatch(/Energy and oil|Trade;/);
    expect(html(newer)).not.toContain('record[content]');
  });

  test('tags the facets by id as Pagefind filters and the passages’ themes as a meta without words', () => {
    const page = html(newer);
    expect(page).toContain('<meta data-pagefind-filter="expert[content]" content="ann-lee">');
    expect(page).toContain('<meta data-pagefind-filter="analysis[content]" content="new A newer piece">');
    expect(page).toContain('<meta data-pagefind-filter="theme[content]" content="energy">');
    // The first passage has both themes (the first and second of the site's list), the second none.
    expect(page).toContain('<meta data-pagefind-meta="passages[content]" content="0+1 -">');
    // Pagefind searches metadata too: no meta of a record holds a word.
    for (const d of documents) {
      for (const [, value] of d.content.matchAll(/data-pagefind-meta="[^"]+" content="([^"]*)"/g))
        expect(value).not.toMatch(/\p{L}/u);
    }
  });

  test('marks a record whose commentary has a bottom line with an empty meta, and never indexes the bottom line', () => {
    expect(html(newer)).toContain('<meta data-pagefind-meta="bottomLine[content]" content="">');
    expect(html('/commentaries/old/ann-lee/')).not.toContain('bottomLine');
    for (const d of documents) expect(d.content).not.toContain('Zebrafish');
  });

  test('tags commentaries and introductions with their analysis’s year and date as written, themes with neither', () => {
    const dates = (url: string) =>
      [...html(url).matchAll(/data-pagefind-filter="(year|published)\[content\]" content="([^"]*)"/g)].map(
        (m) => `${m[1]}=${m[2]}`,
      );
    expect(dates(newer)).toEqual(['year=2024', 'published=2024-05 May 2024']);
    expect(dates('/commentaries/old/ann-lee/')).toEqual(['year=2023', 'published=2023-01 January 2023']);
    expect(dates('/analyses/new/#introduction')).toEqual(['year=2024', 'published=2024-05 May 2024']);
    expect(dates('/themes/energy/')).toEqual([]);
    // Pagefind's sort would add every record's place to the metadata each first search loads.
    for (const d of documents) expect(d.content).not.toContain('data-pagefind-sort');
  });

  test('indexes an analysis’s introduction under its title', () => {
    expect(html('/analyses/new/#introduction')).toContain('<a id="introduction"></a><p>Intro.</p>');
  });

  test('keeps markup in the text as text', () => {
    const question = 'Is <b> & "x" safe?';
    const commentaries = site.commentaries.map((c, i) => (i === 0 ? { ...c, question } : c));
    expect(searchDocuments({ ...site, commentaries })[0]!.content).toContain(
      'Is &lt;b&gt; &amp; &quot;x&quot; safe?',
    );
  });

  test('writes every record in the page language', () => {
    for (const d of documents) expect(d.content).toMatch(/^<!doctype html><html lang="en">/);
  });
});

describe('dateFilterValue', () => {
  test.each([
    ['2024', '2024 2024'],
    ['2024-04', '2024-04 April 2024'],
    ['2024-04-26', '2024-04-26 26 April 2024'],
  ])('%s is %j: as written, then as shown', (iso, expected) => {
    expect(dateFilterValue(parsePartialDate(iso)!)).toBe(expected);
    expect(parseDateFilterValue(expected)).toEqual({ iso, label: expected.slice(iso.length + 1) });
  });
});

describe('introductionText', () => {
  test.each([
    ['one paragraph', 'Intro.', 'Intro.'],
    ['paragraphs, on one line', 'First.\n\nLast\nline.', 'First. Last line.'],
    ['a heading and its paragraph', '## A *heading*\n\nText.', 'A heading Text.'],
    ['nothing', '', ''],
  ])('reads %s as plain text', (_, body, expected) => {
    const [analysis] = buildModel({
      analyses: [{ ...ANALYSIS, body }],
      experts: [],
      themes: [],
      commentaries: [],
    }).analyses;
    expect(introductionText(analysis!)).toBe(expected);
  });
});

describe('themeText', () => {
  test.each([
    [{ title: 'Trade', terms: ['tariff*', 'WTO'] }, 'Trade; tariff; WTO'],
    [{ title: 'Trade' }, 'Trade'],
  ])('%j is searched as %j', (theme, expected) => {
    expect(themeText(theme)).toBe(expected);
  });
});

describe('facetOptions', () => {
  test('lists experts and themes by id and label, in the site’s order, and no analysis or year', () => {
    expect(facetOptions(site)).toEqual({
      expert: [{ id: 'ann-lee', label: 'Ann Lee' }],
      theme: [
        { id: 'energy', label: 'Energy and oil' },
        { id: 'trade', label: 'Trade' },
      ],
    });
  });
});
