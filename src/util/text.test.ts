import { describe, expect, test } from 'vitest';
import { byId, excerpt, listNames, plural } from './text.ts';

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

describe('excerpt', () => {
  test.each([
    ['Short enough.', 5, 'Short enough.'],
    ['One two three four five six', 3, 'One two three…'],
    ['One, two, three, four', 2, 'One, two…'],
    ['Stops before — a dash', 2, 'Stops before…'],
    ['  spaced   out   words  ', 5, 'spaced out words'],
    ['\n\tNew\nlines\tand tabs\n', 2, 'New lines…'],
    ['Exactly two,', 2, 'Exactly two,'],
    ['Cut, then: more', 2, 'Cut, then…'],
    ['', 3, ''],
    ['Nothing kept', 0, '…'],
  ])('cuts %j to %i words as %j', (text, words, expected) => {
    expect(excerpt(text, words)).toBe(expected);
  });
});

describe('byId', () => {
  test('sorts a copy by id, by code unit whatever the locale, and leaves the list as it was', () => {
    const entries = [{ id: 'b' }, { id: 'B' }, { id: 'a/b' }, { id: 'a' }];
    expect(byId(entries).map((e) => e.id)).toEqual(['B', 'a', 'a/b', 'b']);
    expect(entries.map((e) => e.id)).toEqual(['b', 'B', 'a/b', 'a']);
  });
});
