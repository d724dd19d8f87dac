/** A publication date known to the year, the month or the day: we show only what the source supports. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as written. */
  iso: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month from 01 to 12 and a day from 01 to 31: what a form
 * can check on its own. Whether the day exists in that month (2024-02-30) only `parsePartialDate` knows.
 */
export const PARTIAL_DATE_SHAPE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns undefined when it is not a real calendar date. */
export function parsePartialDate(value: string): PartialDate | undefined {
  const match = PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = m === undefined ? undefined : Number(m);
  const day = d === undefined ? undefined : Number(d);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month !== undefined && day !== undefined) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > last) return undefined;
  }
  return { year, month, day, iso: value.trim() };
}

/** English month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Formats a partial date for readers: "2024", "April 2024" or "26 April 2024". */
export function formatPartialDate(date: PartialDate): string {
  if (date.month === undefined) return String(date.year);
  const month = MONTHS[date.month - 1];
  return date.day === undefined ? `${month} ${date.year}` : `${date.day} ${month} ${date.year}`;
}

/** Orders dates newest first; a less precise date sorts as the start of its period. */
export function compareNewestFirst(a: PartialDate, b: PartialDate): number {
  const key = (d: PartialDate) => d.year * 10000 + (d.month ?? 1) * 100 + (d.day ?? 1);
  return key(b) - key(a);
}
