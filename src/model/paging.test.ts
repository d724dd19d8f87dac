import { describe, expect, test } from 'vitest';
import { pageTitle, paginate, preview } from './paging.ts';

describe('paginate', () => {
  test.each([
    [0, 10, [0]],
    [1, 10, [1]],
    [10, 10, [10]],
    [11, 10, [10, 1]],
    [25, 10, [10, 10, 5]],
  ])('splits %i items into pages of %i as %j', (n, size, sizes) => {
    const pages = paginate(
      Array.from({ length: n }, (_, i) => i),
      size,
    );
    expect(pages.map((p) => p.items.length)).toEqual(sizes);
    expect(pages.map((p) => p.number)).toEqual(sizes.map((_, i) => i + 1));
    expect(new Set(pages.map((p) => p.count))).toEqual(new Set([sizes.length]));
  });

  test('keeps the order of the items across pages', () => {
    expect(paginate(['a', 'b', 'c'], 2).flatMap((p) => p.items)).toEqual(['a', 'b', 'c']);
  });

  test.each([0, -1, 1.5])('refuses a page size of %d', (size) => {
    expect(() => paginate([1], size)).toThrow(/Page size/);
  });
});

describe('pageTitle', () => {
  test.each([
    [1, 1, 'Ann Bell'],
    [1, 5, 'Ann Bell'],
    [2, 5, 'Ann Bell (page 2 of 5)'],
  ])('page %i of %i is titled %s', (number, count, expected) => {
    expect(pageTitle('Ann Bell', { number, count })).toBe(expected);
  });
});

describe('preview', () => {
  test.each([
    [3, 5, 3, 0],
    [5, 5, 5, 0],
    [8, 5, 5, 3],
  ])('of %i items with limit %i shows %i and hides %i', (n, limit, shown, hidden) => {
    const result = preview(
      Array.from({ length: n }, (_, i) => i),
      limit,
    );
    expect(result.shown).toHaveLength(shown);
    expect(result.hidden).toBe(hidden);
  });
});
