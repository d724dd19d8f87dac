import { describe, expect, test } from 'vitest';
import { partialDate } from './schemas';

describe('partialDate', () => {
  test.each([
    ['2024-04', '2024-04'],
    [' 2024-04-26 ', '2024-04-26'],
    [2024, '2024'],
    [new Date(Date.UTC(2024, 3, 26)), '2024-04-26'],
  ])('accepts %j as %s, however YAML typed it', (input, iso) => {
    expect(partialDate.parse(input).iso).toBe(iso);
  });

  test.each(['2024-02-30', 'April 2024', '2024-4', '', 2024.5, new Date(NaN), ['2024']])(
    'refuses %j',
    (input) => {
      expect(partialDate.safeParse(input).success).toBe(false);
    },
  );

  test('names the impossible date the checker’s YAML read', () => {
    const result = partialDate.safeParse(Object.assign(new Date(NaN), { text: '2024-02-30' }));
    expect(result.error?.issues[0]?.message).toMatch(/^"2024-02-30" is not a date/);
  });
});
