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

  test.each(['2024-02-30', 'April 2024', '2024-4', '', 2024.5])('refuses %j', (input) => {
    expect(partialDate.safeParse(input).success).toBe(false);
  });
});
