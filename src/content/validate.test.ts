import { describe, expect, test } from 'vitest';
import { parsePartialDate } from '../util/dates.ts';
import type { AnalysisEntry, CommentaryEntry, Expert, Theme } from '../model/model.ts';
import { openingWords, validateContent, type ContentInput } from './validate.ts';

const analysis = (id: string): AnalysisEntry => ({
  id,
  title: id,
  dek: 'D',
  published: parsePartialDate('2024')!,
  source: { name: 'N', url: 'https://example.org/' },
  body: 'Introduction.',
});
const expert = (id: string): Expert => ({ id, name: id, givenName: id, familyName: id, affiliation: 'A' });
const theme = (id: string, terms: string[]): Theme => ({ id, title: id, description: 'D', terms });
const commentary = (over: Partial<CommentaryEntry> & { expert: string }): CommentaryEntry => ({
  id: `piece/${over.expert}`,
  analysis: 'piece',
  question: 'Q?',
  order: 1,
  themes: ['water'],
  body: 'Water rises.',
  ...over,
});

/** A small, valid corpus to break one rule at a time. */
function corpus(change: (input: ContentInput) => void = () => {}): ContentInput {
  const input: ContentInput = {
    analyses: [analysis('piece')],
    experts: [expert('ada'), expert('ben')],
    themes: [theme('water', ['water', 'river*']), theme('energy', ['energy'])],
    commentaries: [
      commentary({ expert: 'ada' }),
      commentary({ expert: 'ben', order: 2, themes: ['energy'], body: 'Energy matters.' }),
    ],
  };
  change(input);
  return input;
}

const summary = (input: ContentInput, options = {}) =>
  validateContent(input, options).map((p) => `${p.level} ${p.file} ${p.field}: ${p.message}`);

describe('validateContent', () => {
  test('finds nothing wrong with consistent content', () => {
    expect(validateContent(corpus())).toEqual([]);
  });

  test.each<[string, (input: ContentInput) => void, RegExp]>([
    [
      'an unknown analysis',
      (i) => (i.commentaries[0]!.analysis = 'peice'),
      /^error content\/commentaries\/piece\/ada.md analysis: there is no analysis "peice": .* one of "piece"$/,
    ],
    [
      'an unknown expert',
      (i) => {
        i.commentaries[0]!.expert = 'cy';
        i.experts = i.experts.filter((e) => e.id !== 'ada');
      },
      /^error .* expert: there is no expert "cy": use one of "ben", or add content\/experts\/cy.md$/,
    ],
    [
      'an unknown theme',
      (i) => (i.commentaries[0]!.themes = ['water', 'wind']),
      /^error .* themes\[1\]: there is no theme "wind"/,
    ],
    [
      'a repeated order',
      (i) => (i.commentaries[1]!.order = 1),
      /^error content\/commentaries\/piece\/ben.md order: order 1 is already taken in analysis "piece" by content\/commentaries\/piece\/ada.md/,
    ],
    [
      'an empty commentary',
      (i) => (i.commentaries[0]!.body = '  \n'),
      /^error .* body: the commentary has no text/,
    ],
    [
      'a commentary of headings only',
      (i) => (i.commentaries[0]!.body = '## Heading'),
      /^error .* body: the commentary has no text/,
    ],
    [
      'an empty introduction',
      (i) => (i.analyses[0]!.body = ''),
      /^error content\/analyses\/piece.md body: the introduction is empty/,
    ],
    [
      'a declared theme no passage speaks to',
      (i) => (i.commentaries[0]!.themes = ['water', 'energy']),
      /^error .*ada.md themes: theme "energy" is declared but no passage mentions any of its terms \(energy\)/,
    ],
    [
      'a commentary filed under another expert',
      (i) => (i.commentaries[0]!.id = 'piece/ben-2'),
      /^error .* expert: the file’s place does not match its fields, which say it belongs at content\/commentaries\/piece\/ada.md/,
    ],
    [
      'an undeclared theme a passage mentions',
      (i) => (i.commentaries[0]!.body = 'Water and energy.'),
      /^warning .*ada.md themes: the passage beginning “Water and energy.” mentions "energy", a term of theme "energy"/,
    ],
    [
      'an expert no commentary uses',
      (i) => i.experts.push(expert('cy')),
      /^warning content\/experts\/cy.md id: no commentary uses expert "cy"/,
    ],
    [
      'a theme no commentary declares',
      (i) => i.themes.push(theme('wind', ['wind'])),
      /^warning content\/themes\/wind.md id: no commentary declares theme "wind"/,
    ],
    [
      'an analysis without commentaries',
      (i) => i.analyses.push(analysis('other')),
      /^warning content\/analyses\/other.md id: no commentary belongs to analysis "other"/,
    ],
  ])('reports %s', (_, change, expected) => {
    const found = summary(corpus(change));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  test('names files under the given content folder', () => {
    const found = summary(
      corpus((i) => (i.commentaries[0]!.expert = 'cy')),
      { contentDir: 'fixtures/x' },
    );
    expect(found[0]).toMatch(
      /^error fixtures\/x\/commentaries\/piece\/ada.md expert: .* add fixtures\/x\/experts\/cy.md$/,
    );
  });

  test('does not call an entry unknown when its file exists but could not be read', () => {
    const input = corpus((i) => {
      i.experts = i.experts.filter((e) => e.id !== 'ada');
      i.themes = i.themes.filter((t) => t.id !== 'water');
    });
    expect(validateContent(input, { unreadable: { experts: ['ada'], themes: ['water'] } })).toEqual([]);
  });

  test('skips the unused-entry warnings while some commentaries are unreadable', () => {
    const input = corpus((i) => i.experts.push(expert('cy')));
    expect(validateContent(input, { partial: true })).toEqual([]);
  });
});

describe('openingWords', () => {
  test.each([
    ['Short one.', 'Short one.'],
    ['one two three four five six seven eight nine ten', 'one two three four five six seven eight…'],
  ])('quotes %j as %j', (text, expected) => {
    expect(openingWords(text)).toBe(expected);
  });
});

describe('an expert’s bio (the file’s body)', () => {
  const withBio = (body: string, bodyLine = 7) =>
    corpus((input) => {
      input.experts[0] = { ...input.experts[0]!, body, bodyLine };
    });
  const about = (body: string) =>
    validateContent(withBio(body)).filter((p) => p.file === 'content/experts/ada.md');

  test('a short bio in markdown passes', () => {
    expect(about('Ada studies *rivers* at [the institute](https://example.org/).')).toEqual([]);
  });

  test('refuses an unsafe link at its line in the file, as in any body', () => {
    expect(about('Ada writes\n[here](javascript:alert(1)).')).toEqual([
      expect.objectContaining({
        level: 'error',
        field: 'body',
        message: expect.stringMatching(/^line 8: the link address "javascript:alert\(1\)" is not allowed/),
      }),
    ]);
  });

  test('warns about a bio longer than a profile needs, with its word count', () => {
    const long = Array.from({ length: 151 }, (_, i) => `word${i}`).join(' ');
    expect(about(long)).toEqual([
      expect.objectContaining({
        level: 'warning',
        field: 'body',
        message: expect.stringMatching(/^the bio has 151 words/),
      }),
    ]);
    expect(about(long.split(' ').slice(0, 150).join(' '))).toEqual([]);
  });
});
