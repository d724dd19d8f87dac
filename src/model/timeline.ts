/**
 * Timelines: things grouped by the month they were published in, newest month first, for the
 * theme pages. Dates are partial (see dates.ts): a date known only to its year is grouped under
 * the year, after that year's months, since it sorts as the start of its period.
 */
import { MONTHS, compareNewestFirst, type PartialDate } from '../util/dates.ts';
import type { Analysis, Expert, ExpertColumn } from './model.ts';

/** The period a date is grouped under: its month, or its year when the month is not known. */
export interface Period {
  /** `YYYY-MM`, or `YYYY`: the `datetime` of the period's heading. */
  iso: string;
  /** "April 2024", or "2024". */
  label: string;
}

/** One period of a timeline and what was published in it, newest first. */
export interface TimelinePeriod<T> extends Period {
  items: T[];
}

/** The month a date falls in, or its year when the month is not known. */
export function periodOf(date: PartialDate): Period {
  const year = String(date.year).padStart(4, '0');
  if (date.month === undefined) return { iso: year, label: year };
  return {
    iso: `${year}-${String(date.month).padStart(2, '0')}`,
    label: `${MONTHS[date.month - 1]} ${date.year}`,
  };
}

/**
 * Groups items by the month of their date, newest month first; a year-only date's group comes
 * after that year's months. Within a period items are newest first (a month-only date after the
 * days of its month), and items of the same date keep their given order.
 */
export function timelineByMonth<T>(items: readonly T[], date: (item: T) => PartialDate): TimelinePeriod<T>[] {
  const periods = new Map<string, TimelinePeriod<T> & { start: PartialDate }>();
  for (const item of items) {
    const when = date(item);
    const period = periodOf(when);
    let found = periods.get(period.iso);
    if (!found) {
      found = { ...period, items: [], start: { year: when.year, month: when.month, iso: period.iso } };
      periods.set(period.iso, found);
    }
    found.items.push(item);
  }
  return [...periods.values()]
    .sort(
      (a, b) =>
        compareNewestFirst(a.start, b.start) ||
        // A year's own group after its months (the year sorts as its January).
        Number(a.start.month === undefined) - Number(b.start.month === undefined),
    )
    .map(({ iso, label, items: grouped }) => ({
      iso,
      label,
      // Array.prototype.sort is stable: equal dates keep their order.
      items: [...grouped].sort((a, b) => compareNewestFirst(date(a), date(b))),
    }));
}

/** An analysis that speaks to a theme: how many of its passages do, and by which experts. */
export interface AnalysisOnTheme {
  analysis: Analysis;
  passages: number;
  /** The experts whose passages speak to the theme, in the columns' order. */
  experts: Expert[];
}

/**
 * The analyses a theme's columns draw their passages from, in the order of `analyses` (the site's:
 * newest first), with the number of their passages tagged with the theme and the experts who wrote them.
 */
export function analysesOnTheme(
  columns: readonly ExpertColumn[],
  analyses: readonly Analysis[],
): AnalysisOnTheme[] {
  const found = new Map<string, { passages: number; experts: Expert[] }>();
  for (const column of columns) {
    for (const { commentary } of column.passages) {
      let entry = found.get(commentary.analysis);
      if (!entry) {
        entry = { passages: 0, experts: [] };
        found.set(commentary.analysis, entry);
      }
      entry.passages += 1;
      if (!entry.experts.includes(column.expert)) entry.experts.push(column.expert);
    }
  }
  return analyses.flatMap((analysis) => {
    const entry = found.get(analysis.id);
    return entry ? [{ analysis, ...entry }] : [];
  });
}

/** A theme's analyses as a timeline by month, newest first (what the theme page shows). */
export function themeTimeline(
  columns: readonly ExpertColumn[],
  analyses: readonly Analysis[],
): TimelinePeriod<AnalysisOnTheme>[] {
  return timelineByMonth(analysesOnTheme(columns, analyses), (a) => a.analysis.published);
}

/** The newest of a theme's analyses as a timeline, and how many older ones it leaves out. */
export interface RecentTimeline {
  periods: TimelinePeriod<AnalysisOnTheme>[];
  /** Analyses on the theme older than those shown. */
  older: number;
}

/**
 * A theme's `limit` newest analyses as a timeline by month (what the theme page shows, so that it
 * stays the same size however many analyses speak to the theme), and how many older ones there are.
 */
export function recentThemeTimeline(
  columns: readonly ExpertColumn[],
  analyses: readonly Analysis[],
  limit: number,
): RecentTimeline {
  const all = analysesOnTheme(columns, analyses);
  const newest = all.slice(0, Math.max(0, limit));
  return {
    periods: timelineByMonth(newest, (a) => a.analysis.published),
    older: all.length - newest.length,
  };
}
