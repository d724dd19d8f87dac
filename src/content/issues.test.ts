import { describe, expect, test } from 'vitest';
import { fieldDescription, fieldPath, issueProblems, PARSE_OPTIONS } from './issues.ts';
import { analysisSchema, commentarySchema, themeSchema } from './schemas.ts';
import type { z } from 'astro/zod';

/** The editor's messages for some frontmatter, through the real schema. */
function problemsFor(schema: z.ZodType, data: unknown) {
  const parsed = schema.safeParse(data, PARSE_OPTIONS);
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue) => issueProblems(issue, schema));
}

const analysis = {
  title: 'T',
  dek: 'D',
  published: '2024-04',
  source: { name: 'N', url: 'https://example.org/' },
};
const commentary = { analysis: 'a', expert: 'e', question: 'Q?', order: 1, themes: ['t'] };

describe('fieldPath', () => {
  test.each([
    [['title'], 'title'],
    [['source', 'url'], 'source.url'],
    [['themes', 2], 'themes[2]'],
    [[], ''],
  ])('writes %j as %s', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });
});

describe('fieldDescription', () => {
  test('finds a nested field’s own description', () => {
    expect(fieldDescription(analysisSchema, ['source', 'url'])).toMatch(/starting with https/);
  });

  test('falls back to the list’s description for one of its items', () => {
    expect(fieldDescription(commentarySchema, ['themes', 3])).toMatch(/themes the commentary speaks to/);
  });
});

describe('issueProblems', () => {
  test.each([
    [
      'a missing field',
      analysisSchema,
      { ...analysis, dek: undefined },
      'dek',
      /^is missing: add a line "dek: …" to the frontmatter \(one sentence/,
    ],
    [
      'a missing nested field',
      analysisSchema,
      { ...analysis, source: { name: 'N' } },
      'source.url',
      /add a line "url: …" under "source:"/,
    ],
    ['an empty field', commentarySchema, { ...commentary, themes: null }, 'themes', /^is empty: fill it in/],
    [
      'a blank text',
      analysisSchema,
      { ...analysis, title: '  ' },
      'title',
      /^must not be empty \(the headline/,
    ],
    [
      'text for a number',
      commentarySchema,
      { ...commentary, order: 'first' },
      'order',
      /^should be a number, not text: write digits without quotes/,
    ],
    [
      'a fraction for a whole number',
      commentarySchema,
      { ...commentary, order: 1.5 },
      'order',
      /^must be a whole number/,
    ],
    ['zero for an order', commentarySchema, { ...commentary, order: 0 }, 'order', /^must be 1 or more/],
    [
      'text for a list',
      commentarySchema,
      { ...commentary, themes: 't' },
      'themes',
      /^should be a list, not text: write one item per line/,
    ],
    [
      'an empty list of themes',
      commentarySchema,
      { ...commentary, themes: [] },
      'themes',
      /^declare at least one theme/,
    ],
    [
      'an empty list of terms',
      themeSchema,
      { title: 'T', description: 'D', terms: [] },
      'terms',
      /^list at least one term/,
    ],
    [
      'a term of only a wildcard',
      themeSchema,
      { title: 'T', description: 'D', terms: ['*'] },
      'terms[0]',
      /needs at least one letter or digit/,
    ],
    [
      'an address that is not one',
      analysisSchema,
      { ...analysis, source: { name: 'N', url: 'example' } },
      'source.url',
      /^is not a web address/,
    ],
    [
      'an impossible date',
      analysisSchema,
      { ...analysis, published: '2024-02-30' },
      'published',
      /^"2024-02-30" is not a date: write YYYY/,
    ],
    [
      'an empty date',
      analysisSchema,
      { ...analysis, published: '' },
      'published',
      /^must not be empty: write YYYY/,
    ],
    [
      'a list for a date',
      analysisSchema,
      { ...analysis, published: ['2024'] },
      'published',
      /^must be a date: write YYYY/,
    ],
    [
      'a misspelt field',
      commentarySchema,
      { ...commentary, questoin: 'Q?' },
      'questoin',
      /^is not a field: check its spelling, or remove it; the fields are analysis, expert, question, order, themes, bottomLine$/,
    ],
    [
      'a misspelt nested field',
      analysisSchema,
      { ...analysis, source: { ...analysis.source, nme: 'N' } },
      'source.nme',
      /^is not a field of "source"/,
    ],
    ['a slug', commentarySchema, { ...commentary, slug: 'x' }, 'slug', /a file’s name is its id/],
  ])('explains %s', (_, schema, data, field, message) => {
    const problems = problemsFor(schema, data);
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems.find((p) => p.field === field)?.message).toMatch(message);
  });
});
