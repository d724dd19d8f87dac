/**
 * Splits a markdown file into its YAML frontmatter and its body, the way Astro finds them, and
 * turns a YAML mistake into a located, plain-words message.
 */
// Where Astro's own content layer finds frontmatter (its parseFrontmatter), not the markdown
// pipeline that re-exports it, whose highlighters took a second to load in every process.
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import yaml from 'js-yaml';

/** An impossible calendar date such as 2024-02-30: an invalid Date that remembers the text written. */
export type ImpossibleDate = Date & { text: string };

// js-yaml exports its types at run time; @types/js-yaml does not declare them.
const { timestamp, merge, binary, omap, pairs, set } = (
  yaml as unknown as { types: Record<string, yaml.Type> }
).types as Record<'timestamp' | 'merge' | 'binary' | 'omap' | 'pairs' | 'set', yaml.Type>;

/**
 * YAML timestamps as Astro reads them (a Date), except that a date which does not exist comes out
 * as an ImpossibleDate instead of rolling over (2024-02-30 would otherwise become 1 March).
 */
const strictTimestamp = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (data: string) => timestamp.resolve(data),
  construct: (text: string) => {
    const date = timestamp.construct(text) as Date;
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    return dayOnly && date.toISOString().slice(0, 10) !== text
      ? Object.assign(new Date(NaN), { text })
      : date;
  },
  instanceOf: Date,
});

/** js-yaml's default schema (the one Astro uses) with the strict timestamp. */
const SCHEMA = yaml.CORE_SCHEMA.extend({
  implicit: [strictTimestamp, merge],
  explicit: [binary, omap, pairs, set],
});

/** A file read successfully, or the reason it could not be. */
export type FrontmatterResult =
  | {
      ok: true;
      data: Record<string, unknown>;
      body: string;
      /** The line of the file on which the body (trimmed) begins, for messages about the body. */
      bodyLine: number;
    }
  | { ok: false; message: string };

/** What js-yaml says, and what an editor should do about it. */
const YAML_HINTS: [RegExp, string][] = [
  [/duplicated mapping key/, 'a field appears twice: keep only one of them'],
  [
    /within a (double|single) quoted scalar/,
    'a quotation mark is not closed: end the value with the same quote it starts with',
  ],
  [
    /flow collection|flow mapping/,
    'a value that starts with [ or { is read as a list: put the whole value in "double quotes", or close the bracket',
  ],
  [/tab characters/, 'indent with spaces, not tabs'],
  [
    /bad indentation|block mapping entry|implicit key|end of the stream or a document separator/,
    'check the indentation (two spaces under the field they belong to) and put "double quotes" around a value that contains ": " or starts with a quote',
  ],
];

/** The first line of a YAML error (js-yaml appends a code excerpt), as plain advice. */
export function yamlAdvice(reason: string): string {
  const hint = YAML_HINTS.find(([pattern]) => pattern.test(reason))?.[1];
  return hint ? `${hint} (YAML says: ${reason})` : `YAML says: ${reason}`;
}

/** Reads a markdown file's frontmatter as Astro does, refusing impossible dates, and its body. */
export function readFrontmatter(source: string): FrontmatterResult {
  const raw = extractFrontmatter(source);
  const opening = /^\uFEFF?\s*(---|\+\+\+)/.exec(source);
  if (raw === undefined || !opening) {
    return {
      ok: false,
      message: opening
        ? 'the frontmatter is not closed: add a line with just --- after the last field'
        : 'the file has no frontmatter: start it with a line ---, then the fields, then another line ---',
    };
  }
  const delimiter = opening[1]!;
  if (delimiter === '+++') {
    return { ok: false, message: 'write the frontmatter in YAML between two --- lines, not +++' };
  }
  const block = `${delimiter}${raw}${delimiter}`;
  const start = source.indexOf(block);
  const firstLine = source.slice(0, start).split('\n').length;
  let data: unknown;
  try {
    data = yaml.load(raw, { schema: SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = firstLine + error.mark.line;
      return { ok: false, message: `line ${line}: ${yamlAdvice(error.reason)}` };
    }
    throw error;
  }
  if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    return {
      ok: false,
      message: 'the frontmatter must be fields, one "name: value" per line',
    };
  }
  const rest = source.slice(start + block.length);
  const leading = rest.length - rest.trimStart().length;
  const bodyLine = source.slice(0, start + block.length + leading).split('\n').length;
  return { ok: true, data: (data ?? {}) as Record<string, unknown>, body: rest.trim(), bodyLine };
}

/** A YAML data file (such as `site.yml`) read into fields, or the located reason it could not be. */
export function readYaml(
  source: string,
): { ok: true; data: Record<string, unknown> } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = yaml.load(source, { schema: SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      return { ok: false, message: `line ${error.mark.line + 1}: ${yamlAdvice(error.reason)}` };
    }
    throw error;
  }
  if (data === undefined || data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'the file must hold fields, one "name: value" per line' };
  }
  return { ok: true, data: data as Record<string, unknown> };
}
