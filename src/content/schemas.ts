/**
 * The frontmatter of each collection, as plain zod schemas. `src/content.config.ts` hands them to
 * Astro (adding `reference()` to the commentary's links); `npm run check:content` validates with
 * the very same schemas before anything is built. A field's `describe()` text is what editors
 * read in error messages and in the files `npm run new:*` creates.
 */
import { z } from 'astro/zod';
import { HEX_COLOUR } from '../util/contrast.ts';
import { parsePartialDate } from '../util/dates.ts';
import { orcidUrl } from './orcid.ts';
import { accentContrastProblem } from './palette.ts';
import { isSafeUrl, isWebUrl } from '../util/safe-url.ts';
import { BOTTOM_LINE_MAX, summaryProblem, TAKEAWAY_MAX, TAKEAWAYS_MAX } from '../model/summaries.ts';

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
  // Tells the editors' workspace (content/cms-config.ts) to offer a text field with the date's pattern.
  .meta({ format: PARTIAL_DATE_FORMAT });

/** An editors' summary sentence of at most `max` characters (`summaries.ts` says what it may hold). */
const summary = (max: number) =>
  text()
    .max(max, `is longer than ${max} characters: keep it to one sentence of at most ${max}`)
    .superRefine((value, ctx) => {
      const problem = summaryProblem(value, max);
      if (problem && value.length <= max) ctx.addIssue({ code: 'custom', message: problem });
    });

/** A term that signals a theme; it needs a letter or digit, or it would match every word. */
const term = text().refine((value) => /[\p{L}\p{N}]/u.test(value), {
  error: 'a term needs at least one letter or digit (a lone * would match every word)',
});

/** The file types an image of the content may be: what Astro's image pipeline resizes and converts. */
export const IMAGE_TYPES = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

/** A web address (https:// or http://): a javascript: or data: address is a valid URL too, and refused. */
const webAddress = () =>
  z
    .string()
    .trim()
    .pipe(z.url().refine(isWebUrl, 'must start with https:// or http://, as the address of a web page does'));

/** The JSON Schema `format` that marks an image file (the workspace offers its image picker). */
export const IMAGE_FORMAT = 'content-image';

/** The JSON Schema `format` that marks an ORCID iD (the workspace checks its shape). */
export const ORCID_FORMAT = 'orcid';

/** The folder of the content folder where the workspace puts uploaded images. */
export const IMAGES_FOLDER = 'images';

/** An image of the content: a path from the content folder to a JPEG, PNG, WebP or AVIF file. */
const imageFile = () =>
  text()
    .refine((value) => new RegExp(`\\.(${IMAGE_TYPES.join('|')})$`, 'i').test(value), {
      error: `must be an image file ending in ${IMAGE_TYPES.map((t) => `.${t}`).join(', ')}`,
    })
    .meta({ format: IMAGE_FORMAT });

/** An ORCID iD, bare or as its address; published as its address. */
const orcid = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const url = orcidUrl(value);
    if (url) return url;
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an ORCID iD: write it as on orcid.org, e.g. https://orcid.org/0000-0002-1825-0097 (its last character is a check digit)`,
    });
    return z.NEVER;
  })
  .meta({ format: ORCID_FORMAT });

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
        url: webAddress().describe('the address of the original piece, starting with https://'),
      })
      .strict()
      .optional()
      .describe(
        'optional: where the piece first appeared, if not here: name and url, each on its own indented line (without it, site.yml’s publisher is the publisher)',
      ),
    photo: z
      .object({
        file: imageFile()
          .optional()
          .describe('optional: the lead image, a path from the content folder, e.g. images/harbour.jpg'),
        alt: text()
          .optional()
          .describe('with file: what the image shows, in a sentence, for readers who cannot see it'),
        caption: text().describe('the lead photo’s caption'),
        credit: text().describe('the lead photo’s credit'),
      })
      .strict()
      .optional()
      .describe(
        'optional: the lead photo: its caption and credit, and, when there is an image file, file and alt',
      ),
    disclaimer: text().optional().describe('optional: a line shown after the commentaries'),
    takeaways: z
      .array(
        summary(TAKEAWAY_MAX).describe(
          `one plain sentence in our own words, at most ${TAKEAWAY_MAX} characters`,
        ),
      )
      .min(1, 'list at least one takeaway, or remove the field')
      .max(TAKEAWAYS_MAX, `keep to at most ${TAKEAWAYS_MAX} takeaways: the rest belongs in the introduction`)
      .optional()
      .describe(
        `optional: 1 to ${TAKEAWAYS_MAX} takeaways, the editors’ summary of what the experts say, one plain sentence each in our own words (never an expert’s words as a quote), one per line as "  - takeaway"`,
      ),
  })
  .strict();

/** An expert who writes commentaries. */
export const expertSchema = z
  .object({
    name: text().describe('the full name as readers see it'),
    givenName: text().describe('the given name, for citations and sorting'),
    familyName: text().describe('the family name, for citations ("Doe, Jane") and sorting'),
    affiliation: text().describe('the institution the expert writes for'),
    role: text()
      .optional()
      .describe('optional: the expert’s position, as their institution gives it, e.g. Senior Fellow'),
    portrait: z
      .object({
        file: imageFile().describe('the portrait, a path from the content folder, e.g. images/jane-doe.jpg'),
        alt: text().describe('what the portrait shows, for readers who cannot see it, e.g. Jane Doe'),
        credit: text().describe('who took the photograph, or who holds its rights'),
      })
      .strict()
      .optional()
      .describe('optional: a photograph of the expert: file, alt and credit, each on its own indented line'),
    links: z
      .object({
        orcid: orcid
          .optional()
          .describe('optional: the expert’s ORCID iD, e.g. https://orcid.org/0000-0002-1825-0097'),
        institution: webAddress()
          .optional()
          .describe('optional: the expert’s page at their institution, starting with https://'),
        social: z
          .array(webAddress())
          .optional()
          .describe(
            'optional: the expert’s public profiles elsewhere, one address per line as "  - https://…"',
          ),
      })
      .strict()
      .optional()
      .describe('optional: where else to read about the expert: orcid, institution and social'),
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
    bottomLine: summary(BOTTOM_LINE_MAX)
      .optional()
      .describe(
        `optional: the editors’ bottom line, one plain sentence in our own words of at most ${BOTTOM_LINE_MAX} characters (never the expert’s words as a quote); also the page’s description`,
      ),
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

/**
 * A link an editor may put in the footer: what the site may publish as a link at all (`isSafeUrl`:
 * web, mail or relative), with an address after the scheme, and not `//host` (another site written
 * as if it were a path on this one) or anything with white space in it.
 */
export function isSafeLink(value: string): boolean {
  if (!isSafeUrl(value) || /\s/.test(value) || value.startsWith('//')) return false;
  return !/^(https?:\/\/|mailto:)$/i.test(value) && !/^https?:\/\/\//i.test(value);
}

/** A colour for links and buttons, checked for contrast against the page backgrounds (identity.ts). */
const hexColour = z
  .string()
  .trim()
  .regex(HEX_COLOUR, 'must be a colour written as "#rrggbb", in quotes, e.g. "#1f4e8c"');

/** The file types a logo may be: what Astro's image pipeline reads. */
export const LOGO_TYPES = ['svg', 'png', 'jpg', 'jpeg', 'webp', 'avif'] as const;

/** The publication itself: `site.yml` at the top of the content folder. */
export const siteSchema = z
  .object({
    name: text().describe(
      'the publication’s name, shown in the header, in every page title, feed and citation',
    ),
    tagline: text().describe('one short line: the default description of pages and the feeds’ subtitle'),
    description: text().describe('a sentence or two under the name on the home page'),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en, en-GB or fr')
      .describe('the language of the pages, as a tag such as en or en-GB'),
    publisher: z
      .object({
        name: text().describe(
          'who publishes the site: the publisher of its own analyses in citations and feeds',
        ),
        url: z
          .string()
          .trim()
          .pipe(z.url({ protocol: /^https?$/ }))
          .optional()
          .describe('optional: the publisher’s web address, starting with https:// (default: this site)'),
      })
      .strict()
      .describe('the publisher: name, and optionally url, each on its own indented line'),
    accent: z
      .object({
        light: hexColour.describe('the colour of links and buttons in light mode, in quotes: "#1f4e8c"'),
        dark: hexColour.describe('the colour of links and buttons in dark mode, in quotes: "#8db8ff"'),
      })
      .strict()
      .superRefine((accent, ctx) => {
        for (const scheme of ['light', 'dark'] as const) {
          // A value that is no colour has its own issue already.
          if (!HEX_COLOUR.test(accent[scheme])) continue;
          const problem = accentContrastProblem(accent[scheme], scheme);
          if (problem) ctx.addIssue({ code: 'custom', path: [scheme], message: problem });
        }
      })
      .describe('the accent colour for light and dark mode: light and dark, each on its own indented line'),
    logo: z
      .object({
        file: text()
          .refine((value) => new RegExp(`\\.(${LOGO_TYPES.join('|')})$`, 'i').test(value), {
            error: `must be an image file ending in ${LOGO_TYPES.map((t) => `.${t}`).join(', ')}`,
          })
          .describe('the logo image, a path from the content folder, e.g. logo.svg'),
        alt: text().describe('what the logo says or shows, for readers who cannot see it'),
      })
      .strict()
      .optional()
      .describe('optional: the logo shown in the header and given to search engines: file and alt'),
    footer: z
      .object({
        text: text().describe('a sentence about the publication, at the foot of every page'),
        links: z
          .array(
            z
              .object({
                label: text().describe('the words of the link'),
                url: z
                  .string()
                  .trim()
                  .refine(isSafeLink, {
                    error:
                      'must start with https://, http:// or mailto:, or be a path on this site such as about/',
                  })
                  .describe('where the link goes: https://…, mailto:… or a path on this site'),
              })
              .strict(),
          )
          .default([])
          .describe('optional: links at the foot of every page, each as "  - label: …" and "    url: …"'),
      })
      .strict()
      .describe('the foot of every page: text, and optionally links'),
  })
  .strict();

/** The publication's identity as `site.yml` holds it. */
export type SiteIdentity = z.output<typeof siteSchema>;
