import { describe, expect, test } from 'vitest';
import { compareNewestFirst, formatPartialDate, parsePartialDate } from './dates.ts';

describe('parsePartialDate', () => {
  test.each([
    ['2024', { year: 2024 }],
    ['2024-04', { year: 2024, month: 4 }],
    ['2024-04-26', { year: 2024, month: 4, day: 26 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
  ])('reads %s at the precision it is written', (input, expected) => {
    expect(parsePartialDate(input)).toMatchObject({ ...expected, iso: input });
  });

  test.each(['April 2024', '2024-13', '2024-00', '2023-02-29', '2024-04-31', '24-04', '', '2024-4'])(
    'refuses %j, which is not a calendar date in YYYY, YYYY-MM or YYYY-MM-DD form',
    (input) => {
      expect(parsePartialDate(input)).toBeUndefined();
    },
  );
});

describe('formatPartialDate', () => {
  test.each([
    ['2024', '2024'],
    ['2024-04', 'April 2024'],
    ['2024-04-26', '26 April 2024'],
  ])('shows %s as %s', (input, expected) => {
    expect(formatPartialDate(parsePartialDate(input)!)).toBe(expected);
  });
});

describe('compareNewestFirst', () => {
  test('puts later dates first and treats a month as its first day', () => {
    const dates = ['2023-11-15', '2024-04', '2024', '2024-04-02'].map((d) => parsePartialDate(d)!);
    expect(dates.sort(compareNewestFirst).map((d) => d.iso)).toEqual([
      '2024-04-02',
      '2024-04',
      '2024',
      '2023-11-15',
    ]);
  });
});
