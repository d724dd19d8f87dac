/**
 * The publication's identity, `site.yml` at the top of the content folder: checked with the same
 * schema as the build loads it with, and turned into what pages need (the accent stylesheet, the
 * footer's links). Pure: the caller reads the files.
 */
import { readYaml } from './frontmatter.ts';
import { issueProblems, PARSE_OPTIONS } from './issues.ts';
import { siteSchema, type SiteIdentity } from './schemas.ts';
import type { Problem } from './validate.ts';
import { normalizeHex } from '../util/contrast.ts';

/** The identity file's name, at the top of the content folder. */
export const SITE_FILE = 'site.yml';

/** What the checker needs of the identity file. */
export interface SiteSource {
  /** The file as editors see it, e.g. `content/site.yml`. */
  file: string;
  /** Its text, or undefined when it does not exist. */
  source: string | undefined;
  /** Whether a path relative to the content folder is an existing file (for the logo). */
  hasFile: (path: string) => boolean;
  /** Why the file could not be read (a link, not UTF-8): reported instead of its fields. */
  unreadable?: { field: string; message: string };
}

/** A starting point for a missing `site.yml`, shown in the error. */
const EXAMPLE = 'name, tagline, description, language, publisher, accent and footer (see CONTRIBUTING.md)';

/** Checks `site.yml`: its YAML, its fields (the accent's contrast included) and that its logo exists. */
export function checkSiteFile({ file, source, hasFile, unreadable }: SiteSource): {
  problems: Problem[];
  identity?: SiteIdentity;
} {
  const error = (field: string, message: string): Problem => ({ level: 'error', file, field, message });
  if (unreadable) return { problems: [error(unreadable.field, unreadable.message)] };
  if (source === undefined) {
    return { problems: [error('file', `is missing: create it with the publication’s ${EXAMPLE}`)] };
  }
  const read = readYaml(source);
  if (!read.ok) return { problems: [error('file', read.message)] };
  const parsed = siteSchema.safeParse(read.data, PARSE_OPTIONS);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) =>
      issueProblems(issue, siteSchema).map(({ field, message }) => error(field, message)),
    );
    return { problems };
  }
  const identity = parsed.data;
  if (identity.logo && !hasFile(identity.logo.file)) {
    return {
      problems: [
        error(
          'logo.file',
          `there is no file "${identity.logo.file}" in the content folder: add the image there, or correct the path`,
        ),
      ],
    };
  }
  return { problems: [], identity };
}

/**
 * The stylesheet that gives the site its accent colour in light and dark mode, served as a file
 * (the Content-Security-Policy allows no inline style).
 */
export function accentStylesheet(accent: SiteIdentity['accent']): string {
  const light = normalizeHex(accent.light);
  const dark = normalizeHex(accent.dark);
  return (
    `/* The accent colour of content/site.yml. */\n` +
    `:root {\n  --color-accent: ${light};\n}\n\n` +
    `@media (prefers-color-scheme: dark) {\n  :root {\n    --color-accent: ${dark};\n  }\n}\n`
  );
}

/** Where a footer link points: web and mail addresses as written, a site path under the base path. */
export function footerHref(url: string, withSiteBase: (path: string) => string): string {
  return /^(https?:|mailto:)/i.test(url) ? url : withSiteBase(url);
}
