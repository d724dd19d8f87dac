import { describe, expect, test } from 'vitest';
import { parsePartialDate, type PartialDate } from '../util/dates.ts';
import { fixtureSite } from './site.fixture.ts';
import {
  analysesOnTheme,
  periodOf,
  recentThemeTimeline,
  themeTimeline,
  timelineByMonth,
} from './timeline.ts';

const date = (iso: string): PartialDate => parsePartialDate(iso)!;

describe('periodOf', () => {
  test.each([
    ['2024-04-26', { iso: '2024-04', label: 'April 2024' }],
    ['2024-04', { iso: '2024-04', label: 'April 2024' }],
    ['2024-12-01', { iso: '2024-12', label: 'December 2024' }],
    ['2024', { iso: '2024', label: '2024' }],
  ])('groups %s under %j', (input, expected) => {
    expect(periodOf(date(input))).toEqual(expected);
  });
});

describe('timelineByMonth', () => {
  const grouped = (isos: string[]) =>
    timelineByMonth(
      isos.map((iso, i) => ({ name: `${iso}#${i}`, date: date(iso) })),
      (item) => item.date,
    ).map((p) => [p.iso, p.items.map((item) => item.name)]);

  test('puts full and month-only dates of one month under one heading, newest month first', () => {
    expect(grouped(['2023-02', '2024-04', '2024-04-26', '2024-03-31'])).toEqual([
      ['2024-04', ['2024-04-26#2', '2024-04#1']],
      ['2024-03', ['2024-03-31#3']],
      ['2023-02', ['2023-02#0']],
    ]);
  });

  test('orders the days of a month newest first, a month-only date after them', () => {
    expect(grouped(['2024-04-02', '2024-04', '2024-04-30', '2024-04-15'])).toEqual([
      ['2024-04', ['2024-04-30#2', '2024-04-15#3', '2024-04-02#0', '2024-04#1']],
    ]);
  });

  test('groups a year-only date under its year, after the months of that year and before the year before', () => {
    expect(grouped(['2024', '2023-12', '2024-01', '2024-06-01', '2024'])).toEqual([
      ['2024-06', ['2024-06-01#3']],
      ['2024-01', ['2024-01#2']],
      ['2024', ['2024#0', '2024#4']],
      ['2023-12', ['2023-12#1']],
    ]);
  });

  test('keeps the given order of items with the same date', () => {
    expect(grouped(['2024-05', '2024-05', '2024-05'])).toEqual([
      ['2024-05', ['2024-05#0', '2024-05#1', '2024-05#2']],
    ]);
  });

  test('gives no period for no items', () => {
    expect(timelineByMonth([], (x: { date: PartialDate }) => x.date)).toEqual([]);
  });
});

describe('analysesOnTheme and themeTimeline', () => {
  const site = fixtureSite();

  test('lists each analysis once with its passages on the theme and their experts, in the site order', () => {
    const found = analysesOnTheme(site.columnsFor('energy'), site.analyses).map((a) => ({
      id: a.analysis.id,
      passages: a.passages,
      experts: a.experts.map((e) => e.id),
    }));
    // The expected counts come from the fixture's passages tagged with the theme.
    const expected = site.analyses.flatMap((analysis) => {
      const tagged = analysis.commentaries.flatMap((c) =>
        c.passages.filter((p) => p.themes.includes('energy')).map(() => c.expert),
      );
      return tagged.length === 0
        ? []
        : [{ id: analysis.id, passages: tagged.length, experts: [...new Set(tagged)] }];
    });
    expect(expected.length).toBeGreaterThan(1);
    expect(found.map((f) => ({ ...f, experts: [...f.experts].sort() }))).toEqual(
      expected.map((e) => ({ ...e, experts: [...e.experts].sort() })),
    );
  });

  test('a theme nobody speaks to has an empty timeline', () => {
    expect(themeTimeline(site.columnsFor('unused'), site.analyses)).toEqual([]);
  });

  test('a theme’s timeline has one month per analysis month, newest first', () => {
    const timeline = themeTimeline(site.columnsFor('energy'), site.analyses);
    expect(timeline.map((p) => p.iso)).toEqual(['2024-05', '2023-03']);
    expect(timeline.map((p) => p.items.map((i) => i.analysis.id))).toEqual([['newer'], ['older']]);
  });
});

describe('recentThemeTimeline', () => {
  const site = fixtureSite();
  const columns = site.columnsFor('energy');
  const all = analysesOnTheme(columns, site.analyses).map((a) => a.analysis.id);

  test.each([0, 1, 2, 5])('shows at most %i analyses, the newest, and counts the older ones', (limit) => {
    const { periods, older } = recentThemeTimeline(columns, site.analyses, limit);
    const shown = periods.flatMap((p) => p.items.map((i) => i.analysis.id));
    expect(shown).toEqual(all.slice(0, limit));
    expect(older).toBe(Math.max(0, all.length - limit));
  });

  test('with room for every analysis it is the whole timeline', () => {
    expect(recentThemeTimeline(columns, site.analyses, all.length).periods).toEqual(
      themeTimeline(columns, site.analyses),
    );
  });
});
