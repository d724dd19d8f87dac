/**
 * The four collections. Each is a folder of markdown under `content/`; a file's name (its path,
 * for commentaries) is its id. Editors' reference: CONTRIBUTING.md.
 */
import { defineCollection, reference, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { parsePartialDate } from './lib/dates';

const markdownIn = (folder: string) => glob({ pattern: '**/*.md', base: `./content/${folder}` });

/** A non-empty line of text, trimmed. */
const text = () => z.string().trim().min(1, 'must not be empty');

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the source supports. YAML reads a full date as a Date. */
const partialDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .transform((value, ctx) => {
    const parsed = parsePartialDate(value);
    if (!parsed) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${value}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-04`,
      });
      return z.NEVER;
    }
    return parsed;
  });

const analyses = defineCollection({
  loader: markdownIn('analyses'),
  schema: z.object({
    title: text(),
    /** One sentence in our own words, shown under the title and in link previews. */
    dek: text(),
    published: partialDate,
    /** Where the piece first appeared. */
    source: z.object({ name: text(), url: z.string().url() }),
    /** The lead photo's caption and credit; there is no image file. */
    photo: z.object({ caption: text(), credit: text() }).optional(),
    disclaimer: text().optional(),
  }),
});

const experts = defineCollection({
  loader: markdownIn('experts'),
  schema: z.object({
    name: text(),
    /** For citations ("Levine, Rosie") and sorting. */
    givenName: text(),
    familyName: text(),
    affiliation: text(),
  }),
});

const themes = defineCollection({
  loader: markdownIn('themes'),
  schema: z.object({
    title: text(),
    /** One paragraph for readers. */
    description: text(),
    /** Words and phrases that signal the theme in a passage; `escalat*` matches any ending. */
    terms: z.array(text()).min(1, 'list at least one term that signals this theme'),
  }),
});

const commentaries = defineCollection({
  loader: markdownIn('commentaries'),
  schema: z.object({
    analysis: reference('analyses'),
    expert: reference('experts'),
    /** The question the expert answers, as published. */
    question: text(),
    /** Position of this answer in the analysis, from 1. */
    order: z.number().int().positive(),
    /** Themes the commentary speaks to; each passage is tagged with those whose terms it mentions. */
    themes: z.array(reference('themes')).min(1, 'declare at least one theme'),
  }),
});

export const collections = { analyses, experts, themes, commentaries };
