import { describe, expect, test } from 'vitest';
import { analysisSchema, commentarySchema } from '../content/schemas.ts';
import {
  BOTTOM_LINE_MAX,
  BOTTOM_LINE_META,
  bottomLineSource,
  bottomLinesFile,
  bottomLineOnce,
  commentaryDescription,
  sentenceCount,
  summaryProblem,
  TAKEAWAYS_MAX,
} from './summaries.ts';

describe('sentenceCount', () => {
  test.each([
    ['The talks resumed.', 1],
    ['The U.S. and China met in Beijing.', 1],
    ['U.S. President Biden called Xi.', 1],
    ['Mr. Blinken met Wang Yi in April.', 1],
    ['Both sides met, e.g. in Vienna.', 1],
    ['Talks resumed. Nothing changed.', 2],
    ['Did it deliver? Partly.', 2],
    ['They met in 2024. 2025 will tell.', 2],
    ['He said “no.” Then he left.', 2],
  ])('%j holds %i sentence(s)', (text, count) => {
    expect(sentenceCount(text)).toBe(count);
  });
});

describe('summaryProblem', () => {
  test('accepts one plain sentence', () => {
    expect(
      summaryProblem('Both governments want steadier ties, but neither expects a new framing.', 300),
    ).toBe(undefined);
  });

  test.each([
    ['x'.repeat(40) + '.', 30, /41 characters long.*at most 30/],
    ['Read [the piece](https://example.org/) first.', 300, /without links/],
    ['See https://example.org for more.', 300, /without links/],
    ['The talks <b>resumed</b>.', 300, /plain text/],
    ['The talks **resumed**.', 300, /plain text/],
    ['“The talks resumed and nothing changed.”', 300, /quotation marks/],
    ['"The talks resumed."', 300, /quotation marks/],
    ['The talks resumed', 300, /end it with a full stop/],
    ['Talks resumed. Nothing changed.', 300, /2 sentences/],
  ])('refuses %j', (text, max, message) => {
    expect(summaryProblem(text, max)).toMatch(message);
  });

  test('a quoted term inside the sentence is not a quotation of the whole', () => {
    expect(summaryProblem('“Managed competition” still defines the U.S. approach.', 300)).toBe(undefined);
  });
});

describe('the schemas', () => {
  const commentary = { analysis: 'a', expert: 'e', question: 'Q?', order: 1, themes: ['t'] };
  const analysis = { title: 'T', dek: 'D', published: '2024' };

  test('a bottom line and takeaways are optional', () => {
    expect(commentarySchema.safeParse(commentary).success).toBe(true);
    expect(analysisSchema.safeParse(analysis).success).toBe(true);
  });

  test('a bottom line is trimmed and kept', () => {
    const parsed = commentarySchema.parse({ ...commentary, bottomLine: '  Talks resumed.  ' });
    expect(parsed.bottomLine).toBe('Talks resumed.');
  });

  test.each([
    ['', 'must not be empty'],
    ['x'.repeat(BOTTOM_LINE_MAX) + '.', `is longer than ${BOTTOM_LINE_MAX} characters`],
    ['Talks resumed. Nothing changed.', 'holds 2 sentences'],
  ])('a bottom line of %j is refused: %s', (bottomLine, message) => {
    const result = commentarySchema.safeParse({ ...commentary, bottomLine });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['bottomLine', expect.stringContaining(message)],
    ]);
  });

  test(`more than ${TAKEAWAYS_MAX} takeaways, an empty list and a bad item are refused at their place`, () => {
    const many = Array.from({ length: TAKEAWAYS_MAX + 1 }, (_, i) => `Takeaway ${i + 1}.`);
    expect(analysisSchema.safeParse({ ...analysis, takeaways: many }).error?.issues[0]?.message).toMatch(
      `at most ${TAKEAWAYS_MAX} takeaways`,
    );
    expect(analysisSchema.safeParse({ ...analysis, takeaways: [] }).error?.issues[0]?.message).toMatch(
      'at least one takeaway',
    );
    const issue = analysisSchema.safeParse({ ...analysis, takeaways: ['Fine.', '“Quoted.”'] }).error
      ?.issues[0];
    expect(issue?.path).toEqual(['takeaways', 1]);
    expect(issue?.message).toMatch('quotation marks');
  });
});

describe('bottomLineOnce', () => {
  test('gives the bottom line to the first item of each commentary that has one', () => {
    const a = { id: 'a', bottomLine: 'A in short.' };
    const b = { id: 'b' };
    const items = [{ commentary: a }, { commentary: a }, { commentary: b }, { commentary: a }];
    expect(bottomLineOnce(items).map((i) => i.bottomLine)).toEqual([
      'A in short.',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('commentaryDescription', () => {
  test('is the bottom line when there is one, else who answers what, where', () => {
    expect(commentaryDescription({ question: 'Q?', bottomLine: 'In short.' }, 'Ann', 'T')).toBe('In short.');
    expect(commentaryDescription({ question: 'Q?' }, 'Ann', 'T')).toBe('Ann answers “Q?” in “T”.');
  });
});

describe('the bottom lines of search results', () => {
  test('an analysis’s file holds the bottom lines of its commentaries that have one, by id', () => {
    expect(bottomLinesFile([{ id: 'a/x', bottomLine: 'X in short.' }, { id: 'a/y' }])).toEqual({
      bottomLines: { 'a/x': 'X in short.' },
    });
  });

  test('a record marked as having one names its analysis and commentary, from its filters', () => {
    const filters = { analysis: ['delta-accord The Delta Accord'], expert: ['ada-ok'] };
    expect(bottomLineSource({ meta: { [BOTTOM_LINE_META]: '' }, filters })).toEqual({
      analysis: 'delta-accord',
      commentary: 'delta-accord/ada-ok',
    });
    expect(bottomLineSource({ meta: {}, filters })).toBe(undefined);
  });
});
