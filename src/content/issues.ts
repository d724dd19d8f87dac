/**
 * Turns zod's schema issues into the field and the plain-words message an editor sees:
 * what is wrong with the value, how to write it instead, and what the field is for.
 */
import { z } from 'astro/zod';

type ZodIssue = z.core.$ZodIssue;
type Schema = z.ZodType;
type Path = readonly PropertyKey[];

/** One field's problem, before it is located in a file. */
export interface FieldProblem {
  /** The frontmatter field, e.g. `title`, `source.url`, `themes[2]`. */
  field: string;
  message: string;
}

/** Formats a zod path as an editor would point at the field: `source.url`, `themes[2]`. */
export function fieldPath(path: Path): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** Strips the wrappers (optional, default, transforms and pipes) around a schema. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
      current = current.unwrap() as Schema;
    else if (current instanceof z.ZodDefault) current = current.unwrap() as Schema;
    // A transform is a pipe whose input side holds the shape the editor writes.
    else if (current instanceof z.ZodPipe) current = current.in as Schema;
    else return current;
  }
}

/** The schema found at a path, if the path exists in it. */
function schemaAt(schema: Schema, path: Path): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const key of path) {
    const inner: Schema | undefined = current ? unwrap(current) : undefined;
    if (inner instanceof z.ZodObject && typeof key === 'string')
      current = inner.shape[key] as Schema | undefined;
    else if (inner instanceof z.ZodArray && typeof key === 'number') current = inner.element as Schema;
    else return undefined;
  }
  return current;
}

/** What the field at a path is for: its own `describe()` text, or that of the nearest field around it. */
export function fieldDescription(schema: Schema, path: Path): string | undefined {
  for (let end = path.length; end > 0; end -= 1) {
    const description = schemaAt(schema, path.slice(0, end))?.description;
    if (description) return description;
  }
  return undefined;
}

/** The field names an object in the schema accepts. */
function fieldsAt(schema: Schema, path: Path): string[] {
  const found = schemaAt(schema, path);
  const inner = found ? unwrap(found) : undefined;
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  float: 'a number with a fraction',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of indented fields',
  date: 'a date',
  null: 'empty',
};

const TYPE_HINTS: Record<string, string> = {
  string: 'put the value in "double quotes"',
  number: 'write digits without quotes, e.g. 2',
  array: 'write one item per line below the field, each as "  - item"',
  object: 'write its fields on the lines below it, each indented by two spaces',
};

const word = (type: string) => TYPE_WORDS[type] ?? type;

/** The type of the value an issue is about, in zod's words; zod reports the value only when asked (`reportInput`). */
function receivedType(issue: ZodIssue): string {
  const input: unknown = 'input' in issue ? issue.input : undefined;
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (input instanceof Date) return 'date';
  if (typeof input === 'number') return Number.isInteger(input) ? 'integer' : 'float';
  return typeof input;
}

/** Parse options that make zod report the value behind each issue, so that messages can name its type. */
export const PARSE_OPTIONS = { reportInput: true } as const;

/** The problems one zod issue stands for (several for a set of unknown fields). */
export function issueProblems(issue: ZodIssue, schema: Schema): FieldProblem[] {
  const field = fieldPath(issue.path);
  const about = fieldDescription(schema, issue.path);
  const withAbout = (message: string) => (about ? `${message} (${about})` : message);
  const key = String(issue.path.at(-1) ?? '');
  const parent = issue.path.length > 1 ? fieldPath(issue.path.slice(0, -1)) : undefined;

  switch (issue.code) {
    case 'invalid_type': {
      const received = receivedType(issue);
      if (received === 'undefined') {
        const where = parent ? `under "${parent}:"` : 'to the frontmatter';
        return [{ field, message: withAbout(`is missing: add a line "${key}: …" ${where}`) }];
      }
      if (received === 'null') {
        return [{ field, message: withAbout('is empty: fill it in') }];
      }
      if (issue.expected === 'int') {
        return [{ field, message: withAbout(`must be a whole number, e.g. 2`) }];
      }
      const hint = TYPE_HINTS[issue.expected];
      const message = `should be ${word(issue.expected)}, not ${word(received)}${hint ? `: ${hint}` : ''}`;
      return [{ field, message: withAbout(message) }];
    }
    case 'invalid_format':
      if (issue.format === 'url') {
        return [{ field, message: 'is not a web address: write the full address, starting with https://' }];
      }
      return [{ field, message: withAbout(issue.message) }];
    case 'unrecognized_keys': {
      const allowed = fieldsAt(schema, issue.path).join(', ');
      return issue.keys.map((unknown) => ({
        field: fieldPath([...issue.path, unknown]),
        message:
          unknown === 'slug'
            ? 'is not used here: a file’s name is its id, so remove slug and rename the file instead'
            : `is not a field${issue.path.length ? ` of "${field}"` : ''}: check its spelling, or remove it; the fields are ${allowed}`,
      }));
    }
    case 'too_small':
      return [{ field, message: withAbout(issue.message) }];
    default:
      // Custom messages (a date, a term) already say what to write.
      return [{ field, message: issue.message }];
  }
}
