import { describe, expect, test } from 'vitest';
import { termsIn, themesIn } from './terms';

describe('termsIn', () => {
  test.each([
    ['matches a whole word whatever its case', 'Trade with Canada grew.', 'trade', true],
    ['does not match inside a longer word', 'A trader spoke.', 'trade', false],
    ['matches a phrase across a line break', 'the Baltic\nSea fleet', 'Baltic Sea', true],
    ['matches any ending after a trailing star', 'an escalatory step', 'escalat*', true],
    ['matches a star term after a hyphen', 'de-escalation', 'escalat*', true],
    ['needs the stem to start a word', 'reescalation', 'escalat*', false],
    ['matches a hyphenated term', 'more people-to-people ties', 'people-to-people', true],
    ['folds a curly apostrophe to a straight one', 'China’s rulers', "China's", true],
    ['treats regular-expression characters literally', 'the U.S. view', 'U.S.', true],
    ['does not read a dot as any character', 'the UAS view', 'U.S.', false],
    ['matches a possessive after the word', 'Russia’s war', 'Russia', true],
    ['ignores an empty term', 'anything', '  ', false],
  ])('%s', (_behaviour, text, term, matches) => {
    expect(termsIn(text, [term])).toEqual(matches ? [term] : []);
  });
});

describe('themesIn', () => {
  const themes = [
    { id: 'energy', terms: ['oil', 'gas pipeline*'] },
    { id: 'trade', terms: ['tariff*', 'exports'] },
    { id: 'health', terms: ['vaccine*'] },
  ];

  test('returns every theme whose terms occur, in theme order', () => {
    expect(themesIn('New tariffs hit oil exports.', themes)).toEqual(['energy', 'trade']);
  });

  test('returns nothing for a passage that mentions no term', () => {
    expect(themesIn('The weather was fine.', themes)).toEqual([]);
  });
});

describe('themesIn, a theme found by any of its terms', () => {
  const themes = [
    { id: 'escalation', terms: ['escalat*', 'brinkmanship'] },
    { id: 'talks', terms: ['face-to-face diplomacy', 'summit'] },
    { id: 'prices', terms: ['oil price', "OPEC's"] },
    { id: 'none', terms: ['  '] },
    { id: 'symbols', terms: ['C++', '(a)'] },
  ];
  test.each([
    'Escalation follows brinkmanship.',
    'An escalatory step, then a summitry of sorts.',
    'Face-to-face\n  diplomacy at the summit.',
    'OPEC’s oil  price rose.',
    'Deescalation is not escalation? It is.',
    'Written in C++ (a) list.',
    'Nothing here.',
  ])('tags %j as matching each term alone would', (text) => {
    const oneByOne = themes.filter((t) => termsIn(text, t.terms).length > 0).map((t) => t.id);
    expect(themesIn(text, themes)).toEqual(oneByOne);
  });
});
