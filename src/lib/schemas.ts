/**
 * The frontmatter of each collection, as plain zod schemas. `src/content.config.ts` hands them to
 * Astro (adding `reference()` to the commentary's links); `npm run check:content` validates with
 * the very same schemas before anything is built. A field's `describe()` text is what editors
 * read in error messages and in the files `npm run new:*` creates.
 */
import { z } from 'astro/zod';
import { parsePartialDate } from './dates';

/** The four collections, each a folder of markdown under the content folder. */
export const COLLECTIONS = ['analyses', 'experts', 'themes', 'commentaries'] as const;

/** The name of a collection, equal to its folder. */
export type CollectionName = (typeof COLLECTIONS)[number];

/** A non-empty line of text, trimmed. */
const text = () => z.string().trim().min(1, 'must not be empty');

/** The id of another entry: the name of its file without `.md`. */
const id = text;

/** The themes a commentary declares: at least one. Astro's schema reuses it with `reference()` items. */
export const themeList = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'declare at least one theme');

/** The text of a date as written: YAML reads an unquoted year as a number and a full date as a Date. */
function dateText(value: string | number | Date): string {
  if (!(value instanceof Date)) return String(value).trim();
  // The checker's YAML turns an impossible date (2024-02-30) into an invalid Date carrying its text.
  if (Number.isNaN(value.getTime())) return (value as Date & { text?: string }).text ?? 'this';
  return value.toISOString().slice(0, 10);
}

/** The JSON Schema `format` that marks a partial date. */
export const PARTIAL_DATE_FORMAT = 'partial-date';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the source supports. */
export const partialDate = z
  .union([z.string(), z.number(), z.instanceof(Date)], {
    error: 'must be a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-04',
  })
  .transform(dateText)
  .transform((value, ctx) => {
    const parsed = parsePartialDate(value);
    if (!parsed) {
      const what = value === '' ? 'must not be empty' : `"${value}" is not a date`;
      ctx.addIssue({
        code: 'custom',
        message: `${what}: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-04`,
      });
      return z.NEVER;
    }
    return parsed;
  })
  // Tells the editors' workspace (lib/cms-config.ts) to offer a text field with the date's pattern.
  .meta({ format: PARTIAL_DATE_FORMAT });

/** A term that signals a theme; it needs a letter or digit, or it would match every word. */
const term = text().refine((value) => /[\p{L}\p{N}]/u.test(value), {
  error: 'a term needs at least one letter or digit (a lone * would match every word)',
});

/** An analysis: one published piece gathering several experts' commentaries. */
export const analysisSchema = z
  .object({
    title: text().describe('the headline, as published'),
    dek: text().describe('one sentence in our own words, shown under the title and in link previews'),
    published: partialDate.describe(
      'when the piece appeared: YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source',
    ),
    source: z
      .object({
        name: text().describe('the publisher’s name, as the piece credits it'),
        url: z
          .string()
          .trim()
          .pipe(z.url())
          .describe('the address of the original piece, starting with https://'),
      })
      .strict()
      .describe('where the piece first appeared: name and url, each on its own indented line'),
    photo: z
      .object({
        caption: text().describe('the lead photo’s caption'),
        credit: text().describe('the lead photo’s credit'),
      })
      .strict()
      .optional()
      .describe('optional: the lead photo’s caption and credit (there is no image file)'),
    disclaimer: text().optional().describe('optional: a line shown after the commentaries'),
  })
  .strict();

/** An expert who writes commentaries. */
export const expertSchema = z
  .object({
    name: text().describe('the full name as readers see it'),
    givenName: text().describe('the given name, for citations and sorting'),
    familyName: text().describe('the family name, for citations ("Doe, Jane") and sorting'),
    affiliation: text().describe('the institution the expert writes for'),
  })
  .strict();

/** A theme that passages are tagged with. */
export const themeSchema = z
  .object({
    title: text().describe('the theme’s name as readers see it'),
    description: text().describe('one paragraph for readers'),
    terms: z
      .array(term)
      .min(1, 'list at least one term that signals this theme')
      .describe(
        'the words and phrases that signal the theme, one per line as "  - term"; escalat* matches any ending',
      ),
  })
  .strict();

/** One expert's answer in one analysis. References are plain ids here; Astro wraps them in `reference()`. */
export const commentarySchema = z
  .object({
    analysis: id().describe('the analysis this answers: the name of a file in analyses/ without .md'),
    expert: id().describe('who wrote it: the name of a file in experts/ without .md'),
    question: text().describe('the question the expert answers, as published'),
    order: z
      .number()
      .int('must be a whole number')
      .positive('must be 1 or more')
      .describe('its place in the analysis: 1 for the first answer, 2 for the next…'),
    themes: themeList(id()).describe('the themes the commentary speaks to, one per line as "  - theme-id"'),
  })
  .strict();

/** The fields that hold the id of another collection's entry: Astro's `reference()`, the workspace's relation fields. */
export const REFERENCES = {
  commentaries: { analysis: 'analyses', expert: 'experts', themes: 'themes' },
} as const satisfies Partial<Record<CollectionName, Record<string, CollectionName>>>;

/** Each collection's frontmatter schema, by collection name. */
export const SCHEMAS = {
  analyses: analysisSchema,
  experts: expertSchema,
  themes: themeSchema,
  commentaries: commentarySchema,
} as const satisfies Record<CollectionName, z.ZodType>;
