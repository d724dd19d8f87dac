import { describe, expect, test } from 'vitest';
import type { Commentary, ExpertColumn, PassageInContext } from './model.ts';
import { relatedExcerpt, relatedPerspectives } from './related.ts';
import { RELATED_EXCERPT_WORDS } from './settings.ts';
import { fixtureSite } from './site.fixture.ts';

const site = fixtureSite();
const commentary = (id: string) => site.commentaries.find((c) => c.id === id)!;
const summary = (id: string, limits = { experts: 9, passages: 9 }) =>
  relatedPerspectives(commentary(id), site, limits).map(({ theme, columns, moreExperts }) => ({
    theme: theme.id,
    experts: columns.map((c) => [
      c.expert.id,
      c.passages.map((p) => `${p.commentary.id}#${p.passage.id}`),
      c.more,
    ]),
    moreExperts,
  }));

/**
 * Many experts on the energy theme, each with one passage from an older analysis (its commentary
 * named `elsewhereId`), and the commentary of one of them (`localExpert`) in analysis "newer",
 * with a passage on the theme there.
 */
function crowdedTheme(expertIds: readonly string[], localExpert: string, elsewhereId = 'older/ann-bell') {
  const item = site.columnsFor('energy')[0]!.passages[0]!;
  const elsewhere: PassageInContext = {
    ...item,
    commentary: { ...item.commentary, id: elsewhereId, analysis: 'older' } as Commentary,
  };
  const columns: ExpertColumn[] = expertIds.map((id) => ({
    expert: { ...site.expert('eve-fox'), id },
    passages: [elsewhere],
  }));
  const here = {
    ...item.commentary,
    expert: localExpert,
    analysis: 'newer',
    blocks: [{ ...item.passage, kind: 'passage' as const, themes: ['energy'] }],
  } as Commentary;
  return { columns, here };
}

describe('relatedPerspectives', () => {
  test('gives, for each theme of the commentary, the other experts’ passages on it, same analysis first', () => {
    expect(summary('newer/cy-dunn')).toEqual([
      {
        theme: 'energy',
        experts: [
          [
            'ann-bell',
            ['newer/ann-bell#p-oil-followed-the-tariffs', 'older/ann-bell#p-oil-was-the-story-in-march'],
            0,
          ],
        ],
        moreExperts: 0,
      },
    ]);
  });

  test('leaves out the commentary’s own expert, even their other commentaries', () => {
    const experts = summary('older/ann-bell').flatMap((t) => t.experts.map(([id]) => id));
    expect(experts).toEqual(['cy-dunn']);
  });

  test('follows the order in which the commentary declares its themes, and skips themes no one else speaks to', () => {
    expect(summary('newer/ann-bell').map((t) => t.theme)).toEqual(['energy']);
  });

  test('shows at most the given number of passages per expert and counts the rest', () => {
    expect(summary('newer/cy-dunn', { experts: 9, passages: 1 })[0]!.experts).toEqual([
      ['ann-bell', ['newer/ann-bell#p-oil-followed-the-tariffs'], 1],
    ]);
  });

  test('stays bounded however many experts speak to a theme, putting those of the same analysis first', () => {
    // Expert x20 also wrote in the reader's analysis, on this theme.
    const { columns, here } = crowdedTheme(
      Array.from({ length: 30 }, (_, i) => `x${i}`),
      'x20',
      site.columnsFor('energy')[0]!.passages[0]!.commentary.id,
    );
    const related = relatedPerspectives(
      { expert: 'nobody', themes: ['energy'], analysis: 'newer' },
      {
        theme: site.theme,
        columnsFor: () => columns,
        analysis: () => ({ commentaries: [here] }) as never,
        // The theme page shows only even-numbered experts here.
        onThemePage: (_theme, expertId) => Number(expertId.slice(1)) % 2 === 0,
      },
      { experts: 4, passages: 2 },
    );
    expect(related[0]!.columns.map((c) => c.expert.id)).toEqual(['x20', 'x0', 'x1', 'x2']);
    expect(related[0]!.columns[0]!.passages[0]!.commentary.analysis).toBe('newer');
    expect(related[0]!.moreExperts).toBe(26);
    expect(related[0]!.columns.map((c) => c.onThemePage)).toEqual([true, true, false, true]);
  });

  test('makes an expert’s column on a theme once and shows the same one on every page, unless it is of the reader’s analysis', () => {
    // x1 also wrote in analysis "newer", on this theme.
    const { columns, here } = crowdedTheme(['x0', 'x1'], 'x1', 'older/x');
    const stub = {
      theme: site.theme,
      columnsFor: () => columns,
      analysis: (id: string) => ({ commentaries: id === 'newer' ? [here] : [] }) as never,
      onThemePage: () => true,
    };
    const [one, two, three] = [
      { expert: 'r1', themes: ['energy'], analysis: 'a1' },
      { expert: 'r2', themes: ['energy'], analysis: 'a2' },
      { expert: 'r3', themes: ['energy'], analysis: 'newer' },
    ].map((reader) => relatedPerspectives(reader, stub)[0]!.columns);
    expect(two![0]).toBe(one![0]);
    expect(two![1]).toBe(one![1]);
    // In analysis "newer", x1's column leads with their passage there: a column of its own.
    expect(three!.map((c) => c.expert.id)).toEqual(['x1', 'x0']);
    expect(three![0]).not.toBe(one![1]);
    expect(three![0]!.passages.map((p) => p.commentary.analysis)).toEqual(['newer', 'older']);
    expect(three![1]).toBe(one![0]);
  });
});

describe('relatedExcerpt', () => {
  const words = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');

  test('quotes a passage’s first words, cut with an ellipsis', () => {
    const passage = { text: words(RELATED_EXCERPT_WORDS + 6) };
    expect(relatedExcerpt(passage)).toBe(`${words(RELATED_EXCERPT_WORDS)}…`);
  });

  test('quotes a short passage whole', () => {
    expect(relatedExcerpt({ text: 'Short,  and   whole.' })).toBe('Short, and whole.');
  });

  test('gives each passage its own words, however many pages ask', () => {
    const one = { text: words(30) };
    const other = { text: words(30, 100) };
    expect([relatedExcerpt(one), relatedExcerpt(other), relatedExcerpt(one)]).toEqual([
      `${words(RELATED_EXCERPT_WORDS)}…`,
      `${words(RELATED_EXCERPT_WORDS, 100)}…`,
      `${words(RELATED_EXCERPT_WORDS)}…`,
    ]);
  });
});
