import { describe, expect, test } from 'vitest';
import { listNames, plural } from './text';

describe('plural', () => {
  test.each([
    [0, 'passage', undefined, '0 passages'],
    [1, 'passage', undefined, '1 passage'],
    [2, 'commentary', 'commentaries', '2 commentaries'],
    [1, 'commentary', 'commentaries', '1 commentary'],
  ])('counts %i %s', (n, one, many, expected) => {
    expect(plural(n, one, many)).toBe(expected);
  });
});

describe('listNames', () => {
  test.each([
    [[], ''],
    [['Ann'], 'Ann'],
    [['Ann', 'Bo'], 'Ann and Bo'],
    [['Ann', 'Bo', 'Cy'], 'Ann, Bo and Cy'],
  ])('joins %j as %j', (names, expected) => {
    expect(listNames(names)).toBe(expected);
  });
});
