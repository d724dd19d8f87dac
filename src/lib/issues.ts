/**
 * Turns zod's schema issues into the field and the plain-words message an editor sees:
 * what is wrong with the value, how to write it instead, and what the field is for.
 */
import { z, type ZodIssue, type ZodTypeAny } from 'astro/zod';

/** One field's problem, before it is located in a file. */
export interface FieldProblem {
  /** The frontmatter field, e.g. `title`, `source.url`, `themes[2]`. */
  field: string;
  message: string;
}

/** Formats a zod path as an editor would point at the field: `source.url`, `themes[2]`. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  );
}

/** Strips the wrappers (optional, default, refinements, transforms) around a schema. */
function unwrap(schema: ZodTypeAny): ZodTypeAny {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodDefault) current = current.removeDefault();
    else if (current instanceof z.ZodEffects) current = current.innerType();
    else return current;
  }
}

/** The schema found at a path, if the path exists in it. */
function schemaAt(schema: ZodTypeAny, path: readonly (string | number)[]): ZodTypeAny | undefined {
  let current: ZodTypeAny | undefined = schema;
  for (const key of path) {
    const inner: ZodTypeAny | undefined = current ? unwrap(current) : undefined;
    if (inner instanceof z.ZodObject && typeof key === 'string') current = inner.shape[key];
    else if (inner instanceof z.ZodArray && typeof key === 'number') current = inner.element;
    else return undefined;
  }
  return current;
}

/** What the field at a path is for: its own `describe()` text, or that of the nearest field around it. */
export function fieldDescription(schema: ZodTypeAny, path: readonly (string | number)[]): string | undefined {
  for (let end = path.length; end > 0; end -= 1) {
    const description = schemaAt(schema, path.slice(0, end))?.description;
    if (description) return description;
  }
  return undefined;
}

/** The field names an object in the schema accepts. */
function fieldsAt(schema: ZodTypeAny, path: readonly (string | number)[]): string[] {
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

/** The problems one zod issue stands for (several for a set of unknown fields). */
export function issueProblems(issue: ZodIssue, schema: ZodTypeAny): FieldProblem[] {
  const field = fieldPath(issue.path);
  const about = fieldDescription(schema, issue.path);
  const withAbout = (message: string) => (about ? `${message} (${about})` : message);
  const key = String(issue.path.at(-1) ?? '');
  const parent = issue.path.length > 1 ? fieldPath(issue.path.slice(0, -1)) : undefined;

  switch (issue.code) {
    case z.ZodIssueCode.invalid_type: {
      if (issue.received === 'undefined') {
        const where = parent ? `under "${parent}:"` : 'to the frontmatter';
        return [{ field, message: withAbout(`is missing: add a line "${key}: …" ${where}`) }];
      }
      if (issue.received === 'null') {
        return [{ field, message: withAbout('is empty: fill it in') }];
      }
      if (issue.expected === 'integer') {
        return [{ field, message: withAbout(`must be a whole number, e.g. 2`) }];
      }
      const hint = TYPE_HINTS[issue.expected];
      const message = `should be ${word(issue.expected)}, not ${word(issue.received)}${hint ? `: ${hint}` : ''}`;
      return [{ field, message: withAbout(message) }];
    }
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === 'url') {
        return [{ field, message: 'is not a web address: write the full address, starting with https://' }];
      }
      return [{ field, message: withAbout(issue.message) }];
    case z.ZodIssueCode.unrecognized_keys: {
      const allowed = fieldsAt(schema, issue.path).join(', ');
      return issue.keys.map((unknown) => ({
        field: fieldPath([...issue.path, unknown]),
        message:
          unknown === 'slug'
            ? 'is not used here: a file’s name is its id, so remove slug and rename the file instead'
            : `is not a field${issue.path.length ? ` of "${field}"` : ''}: check its spelling, or remove it; the fields are ${allowed}`,
      }));
    }
    case z.ZodIssueCode.too_small:
      return [{ field, message: withAbout(issue.message) }];
    default:
      // Custom messages (a date, a term) already say what to write.
      return [{ field, message: issue.message }];
  }
}
