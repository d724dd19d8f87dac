import { describe, expect, test } from 'vitest';
import { heaviest } from './bounds.ts';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');
const item = (name: string, n: number) => ({ name, n });

describe('heaviest', () => {
  const items = [item('Ada', 1), item('Ben', 5), item('Cy', 3), item('Dee', 5), item('Eve', 0)];

  test.each([
    { limit: 0, names: [] },
    { limit: 1, names: ['Ben'] },
    { limit: 2, names: ['Ben', 'Dee'] },
    { limit: 3, names: ['Ben', 'Cy', 'Dee'] },
    { limit: 5, names: ['Ada', 'Ben', 'Cy', 'Dee', 'Eve'] },
    { limit: 9, names: ['Ada', 'Ben', 'Cy', 'Dee', 'Eve'] },
  ])('keeps the $limit weightiest, in the given order', ({ limit, names }) => {
    expect(heaviest(items, (i) => i.n, limit, byName).map((i) => i.name)).toEqual(names);
  });

  test('breaks ties with the tie order, not the given order', () => {
    const reversed = [item('Zed', 2), item('Amy', 2), item('Kim', 2)];
    expect(heaviest(reversed, (i) => i.n, 2, byName).map((i) => i.name)).toEqual(['Amy', 'Kim']);
  });

  test('returns a copy, never the list it was given', () => {
    const few = [item('Ada', 1)];
    const kept = heaviest(few, (i) => i.n, 3, byName);
    expect(kept).toEqual(few);
    expect(kept).not.toBe(few);
  });
});
