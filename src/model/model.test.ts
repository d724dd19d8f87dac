import { describe, expect, test } from 'vitest';
import { parsePartialDate } from '../util/dates.ts';
import {
  analysisTitles,
  expertPages,
  expertsIndexPages,
  themeExpertPages,
  analysisQuestions,
  buildModel,
  commentaryThemeCounts,
  groupBy,
  matrixExperts,
  ownPageColumns,
  themePageColumns,
  type AnalysisEntry,
  type CommentaryEntry,
  type Expert,
  type Theme,
} from './model.ts';
import { fixtureSite } from './site.fixture.ts';
import { THEME_COLUMN_PREVIEW, THEME_PAGE_EXPERTS } from './settings.ts';

const expert = (id: string, givenName: string, familyName: string): Expert => ({
  id,
  name: `${givenName} ${familyName}`,
  givenName,
  familyName,
  affiliation: 'Institute',
});
const theme = (id: string, title: string, terms: string[]): Theme => ({
  id,
  title,
  description: title,
  terms,
});
const analysis = (id: string, published: string): AnalysisEntry => ({
  id,
  title: `Analysis ${id}`,
  dek: 'A dek.',
  published: parsePartialDate(published)!,
  source: { name: 'Source', url: 'https://example.org/' },
  body: 'An introduction.',
});
const commentary = (
  id: string,
  analysisId: string,
  expertId: string,
  order: number,
  themes: string[],
  body: string,
): CommentaryEntry => ({
  id,
  analysis: analysisId,
  expert: expertId,
  question: `Q ${id}?`,
  order,
  themes,
  body,
});

const input = {
  analyses: [analysis('old', '2023-01'), analysis('new', '2024-06')],
  experts: [expert('zed', 'Ann', 'Zed'), expert('abe', 'Bo', 'Abe')],
  themes: [theme('water', 'Water', ['river*', 'dam']), theme('energy', 'Energy', ['oil', 'dam'])],
  commentaries: [
    commentary('old/zed', 'old', 'zed', 1, ['water'], 'Rivers rose.\n\nNothing here.'),
    commentary('new/zed', 'new', 'zed', 2, ['water', 'energy'], 'The dam holds oil? No: a dam.'),
    commentary('new/abe', 'new', 'abe', 1, ['energy'], 'Oil prices fell.\n\nThe river is low.'),
  ],
};

describe('buildModel', () => {
  const site = buildModel(input);

  test('lists analyses newest first with their commentaries in published order', () => {
    expect(site.analyses.map((a) => a.id)).toEqual(['new', 'old']);
    expect(site.analysis('new').commentaries.map((c) => c.id)).toEqual(['new/abe', 'new/zed']);
  });

  test('sorts experts by family name and themes by title', () => {
    expect(site.experts.map((e) => e.id)).toEqual(['abe', 'zed']);
    expect(site.themes.map((t) => t.id)).toEqual(['energy', 'water']);
  });

  test('tags a passage only with themes its commentary declares', () => {
    // "The river is low." mentions a water term, but new/abe declares only energy.
    expect(site.commentaries.find((c) => c.id === 'new/abe')!.passages.map((p) => p.themes)).toEqual([
      ['energy'],
      [],
    ]);
  });

  test('groups passages by theme and expert, experts in site order', () => {
    expect(site.columnsFor('water').map((c) => [c.expert.id, c.passages.map((p) => p.passage.text)])).toEqual(
      [['zed', ['The dam holds oil? No: a dam.', 'Rivers rose.']]],
    );
    expect(site.columnsFor('energy').map((c) => c.expert.id)).toEqual(['abe', 'zed']);
  });

  test('shows a passage on two themes as one object, which page keys then digest once', () => {
    const find = (theme: string) =>
      site
        .columnsFor(theme)
        .flatMap((c) => c.passages)
        .find((p) => p.passage.text.includes('dam holds oil'));
    expect(find('water')).toBeDefined();
    expect(find('energy')).toBe(find('water'));
  });

  test('counts passages per theme and expert, zero where there are none', () => {
    expect(site.count('water', 'zed')).toBe(2);
    expect(site.count('water', 'abe')).toBe(0);
    expect(site.count('energy', 'abe')).toBe(1);
  });

  test('sums a theme’s passages and names its experts in site order', () => {
    expect(site.themeSummary('energy')).toEqual({
      passages: 2,
      experts: [site.expert('abe'), site.expert('zed')],
    });
    expect(site.themeSummary('nothing')).toEqual({ passages: 0, experts: [] });
  });

  test('lists the themes an expert speaks to, with counts, leaving out the others', () => {
    expect(site.themesBy('abe').map(({ theme, count }) => [theme.id, count])).toEqual([['energy', 1]]);
    expect(site.themesBy('zed').map(({ theme, count }) => [theme.id, count])).toEqual([
      ['energy', 1],
      ['water', 2],
    ]);
  });

  test('lists an expert’s commentaries newest analysis first', () => {
    expect(site.commentariesBy('zed').map((c) => c.id)).toEqual(['new/zed', 'old/zed']);
    expect(site.commentariesBy('nobody')).toEqual([]);
  });

  test('throws a clear error for an unknown id', () => {
    expect(() => site.expert('nobody')).toThrow('No expert with id "nobody".');
  });
});

describe('groupBy', () => {
  test('keeps first-seen key order and item order within a group', () => {
    expect([...groupBy(['b1', 'a1', 'b2'], (s) => s[0]!)]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1']],
    ]);
  });
});

describe('commentaryThemeCounts', () => {
  const site = fixtureSite();
  test('counts the passages that speak to each declared theme, in declared order', () => {
    const counts = commentaryThemeCounts(
      site.commentaries.find((c) => c.id === 'newer/ann-bell')!,
      site.theme,
    );
    // "Tariffs rose." speaks to trade; "Oil followed the tariffs." to trade and energy.
    expect(counts.map(({ theme, count }) => [theme.id, count])).toEqual([
      ['trade', 2],
      ['energy', 1],
    ]);
  });
  test('agrees with the theme pages’ count of each expert’s passages where an expert wrote one commentary', () => {
    const c = site.commentaries.find((x) => x.id === 'newer/cy-dunn')!;
    for (const { theme, count } of commentaryThemeCounts(c, site.theme))
      expect(count).toBe(site.count(theme.id, c.expert));
  });
});

describe('analysisQuestions', () => {
  const site = fixtureSite();
  const newer = site.analysis('newer');
  test('lists the questions in published order with their experts, marking the current one', () => {
    expect(
      analysisQuestions(newer, site.expert, 'newer/cy-dunn').map((q) => [
        q.question,
        q.expert.name,
        q.current,
      ]),
    ).toEqual([
      ['What about tariffs?', 'Ann Bell', false],
      ['And oil?', 'Cy Dunn', true],
    ]);
  });
  test('marks none when the reader is on the analysis itself', () => {
    expect(analysisQuestions(newer, site.expert).some((q) => q.current)).toBe(false);
  });
});

describe('bounded pages: the experts a theme page and the home matrix show', () => {
  // One analysis; expert `e<i>` writes `weights[i]` passages on energy (and one on water for `e0`).
  const crowd = (weights: number[]) =>
    buildModel({
      analyses: [analysis('new', '2024-06')],
      experts: weights.map((_, i) => expert(`e${i}`, 'Given', `Family${String(i).padStart(2, '0')}`)),
      themes: [theme('energy', 'Energy', ['oil']), theme('water', 'Water', ['river'])],
      commentaries: weights.map((n, i) =>
        commentary(
          `new/e${i}`,
          'new',
          `e${i}`,
          i + 1,
          i === 0 ? ['energy', 'water'] : ['energy'],
          [...Array.from({ length: n }, () => 'Oil.'), ...(i === 0 ? ['A river.'] : [])].join('\n\n'),
        ),
      ),
    });

  test.each([
    { weights: [1, 3, 3], limit: 2, shown: ['e1', 'e2'] },
    { weights: [2, 1, 2, 1], limit: 3, shown: ['e0', 'e1', 'e2'] },
    { weights: [1, 1], limit: 5, shown: ['e0', 'e1'] },
  ])(
    'a theme page keeps the $limit experts with most passages on it, ties by name, in site order',
    ({ weights, limit, shown }) => {
      const site = crowd(weights);
      expect(themePageColumns(site.columnsFor('energy'), limit).map((c) => c.expert.id)).toEqual(shown);
    },
  );

  test('the home matrix keeps the experts with most passages on all themes together', () => {
    // e0 has 1 on energy and 1 on water: 2 in all, more than e1's 1, as many as e2's 2 (and before it by name).
    const site = crowd([1, 1, 2]);
    expect(matrixExperts(site, 2).map((e) => e.id)).toEqual(['e0', 'e2']);
    expect(matrixExperts(site, 1).map((e) => e.id)).toEqual(['e0']);
    expect(matrixExperts(site, 9).map((e) => e.id)).toEqual(['e0', 'e1', 'e2']);
  });

  test('an expert the theme page leaves out gets a page of their own on the theme, however few their passages', () => {
    // Two heavy experts last by name, then one passage each for the rest: the cap bites.
    const weights = [...Array.from({ length: THEME_PAGE_EXPERTS }, () => 1), 2, 2];
    const site = crowd(weights);
    const shown = site.themePageColumns('energy').map((c) => c.expert.id);
    const heavy = [`e${weights.length - 2}`, `e${weights.length - 1}`];
    const light = Array.from({ length: THEME_PAGE_EXPERTS - 2 }, (_, i) => `e${i}`);
    expect(shown).toEqual([...light, ...heavy]);
    for (const { expert: e } of site.columnsFor('energy'))
      expect(site.onThemePage('energy', e.id), e.id).toBe(shown.includes(e.id));
    // Two passages fit a column's preview: the heavy experts need no page of their own.
    expect(THEME_COLUMN_PREVIEW).toBeGreaterThan(2);
    expect(ownPageColumns(site, 'energy').map((c) => c.expert.id)).toEqual([
      `e${THEME_PAGE_EXPERTS - 2}`,
      `e${THEME_PAGE_EXPERTS - 1}`,
    ]);
  });
});

describe('paginated lists: an expert’s commentaries, their passages on a theme, the experts index', () => {
  const site = fixtureSite();

  test('an expert’s pages hold their commentaries newest first, a page size at a time', () => {
    const all = site.commentariesBy('ann-bell');
    expect(all.length).toBeGreaterThan(1);
    const pages = expertPages(site, 'ann-bell', 1);
    expect(pages.map((p) => p.items)).toEqual(all.map((c) => [c]));
    expect(pages.every((p) => p.count === all.length)).toBe(true);
    expect(expertPages(site, 'ann-bell')).toHaveLength(1);
  });

  test('an expert without commentaries still has one page', () => {
    expect(expertPages(site, 'eve-fox').map((p) => p.items)).toEqual([[]]);
  });

  test('an expert’s page on a theme splits their passages in order', () => {
    const column = site.columnsFor('energy')[0]!;
    const pages = themeExpertPages(column, 1);
    expect(pages.flatMap((p) => p.items)).toEqual(column.passages);
    expect(pages).toHaveLength(column.passages.length);
  });

  test('the experts index pages carry each expert’s count of commentaries', () => {
    const pages = expertsIndexPages(site, 2);
    expect(pages.flatMap((p) => p.items.map((i) => i.expert))).toEqual(site.experts);
    expect(pages.flatMap((p) => p.items.map((i) => i.commentaries))).toEqual(
      site.experts.map((e) => site.commentariesBy(e.id).length),
    );
    expect(pages.map((p) => p.items.length)).toEqual([2, site.experts.length - 2]);
  });

  test('names the analyses of a list of passages once each', () => {
    const items = site.columnsFor('energy').flatMap((c) => c.passages);
    const titles = analysisTitles(site, items);
    expect(Object.keys(titles).sort()).toEqual([...new Set(items.map((i) => i.commentary.analysis))].sort());
    for (const [id, t] of Object.entries(titles)) expect(t).toEqual({ id, title: site.analysis(id).title });
  });
});
