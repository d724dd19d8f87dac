import { describe, expect, test } from 'vitest';
import { fold, highlightRanges, highlightTerms } from './highlight.ts';

const marked = (text: string, terms: string[]) =>
  highlightRanges(text, highlightTerms(terms)).map(([start, end]) => text.slice(start, end));

describe('fold', () => {
  test.each([
    ['Russia’s', 'russias'],
    ['U.S.-China', 'uschina'],
    ['military-to-military', 'militarytomilitary'],
    ['Café', 'cafe'],
    ['“AI”', 'ai'],
  ])('folds %s to %s', (word, expected) => {
    expect(fold(word)).toBe(expected);
  });
});

describe('highlightTerms', () => {
  test('folds the URL values, splits phrases into words and drops blanks and repeats', () => {
    expect(highlightTerms(['Opioids', 'opioids', '', 'South China', '…'])).toEqual([
      'opioids',
      'south',
      'china',
    ]);
  });
});

describe('highlightRanges', () => {
  test.each([
    ['marks every occurrence of a word, whatever its case', 'Xi met Blinken. xi left.', ['xi'], ['Xi', 'xi']],
    ['marks a possessive as one word', 'Russia’s war in Ukraine', ['russias'], ['Russia’s']],
    [
      'marks a hyphenated compound',
      'more military-to-military talks',
      ['military-to-military'],
      ['military-to-military'],
    ],
    [
      'marks words that begin with a term of four letters or more',
      'synthetic opioids',
      ['opioid'],
      ['opioids'],
    ],
    ['does not extend a short term into longer words', 'AI talks aimed at aims', ['AI'], ['AI']],
    ['marks nothing without terms', 'Anything at all', [], []],
    ['reads markup in a term as the letters it holds', 'an img tag', ['<img>'], ['img']],
  ])('%s', (_case, text, terms, expected) => {
    expect(marked(text, terms)).toEqual(expected);
  });
});
