import { describe, expect, test } from 'vitest';
import { termLiteral, termPattern, foldText, termsIn, themesIn } from './terms.ts';

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
    ['matches a Kelvin sign as the letter k', '\u212Aorea talks', 'korea', true],
    ['matches a long s as the letter s', '\u017Fanctions', 'sanctions', true],
    ['matches a word with an accent whatever its case', 'TÜRKIYE votes', 'Türkiye', true],
    ['matches an upper-case term in a lower-case text', 'the asean summit', 'ASEAN', true],
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

describe("termLiteral, the quick test before a term's expression", () => {
  test.each([
    ['trade', 'trade'],
    ['Baltic Sea', 'baltic'],
    ['escalat*', 'escalat'],
    ['China’s', "china's"],
    ['U.S.', 'u.s.'],
    ['Türkiye', null],
    ['*', null],
    ['  ', null],
  ])('of %j is %j', (term, literal) => {
    expect(termLiteral(term)).toBe(literal);
  });

  // Whatever the quick test says, the answer is the expression's own, on texts chosen to trip a
  // lower-case substring search: letters that match ASCII ones ignoring case, accents, ligatures.
  const texts = [
    '\u212Aorea and \u017Fanctions',
    'ﬁnance ministers',
    'İstanbul, ISTANBUL and istanbul',
    'TRADE, Trade, tRaDe',
    'the Baltic\u00A0Sea',
    'Straße and STRASSE',
    'an escalatory step',
    'de-escalation, ESCALATE, reescalation',
    '5G and 5g, G5, 5Gs',
    'tradex trade\u0661 x\u0301 trade\u0301',
    'Baltic, Sea and the baltic\n sea',
    'gas pipelines and gas  pipeline',
  ];
  const terms = [
    'korea',
    'sanctions',
    'finance',
    'istanbul',
    'trade',
    'Baltic Sea',
    'straße',
    'strasse',
    'escalat*',
    'stanbul',
    'escalate',
    '5g',
    '5G*',
    'trade',
    'x',
    'gas pipeline*',
    'baltic sea',
    'deescalat*',
  ];
  // The expression's answer for every pair, looked up by words or by the substring test alike.
  test.each(texts)('does not change what matches in %j', (text) => {
    const byExpression = terms.filter((term) => termPattern(term).test(foldText(text)));
    expect(termsIn(text, terms)).toEqual(byExpression);
  });
});
