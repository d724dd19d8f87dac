/**
 * The configuration of the editors' workspace (Sveltia CMS, served by `npm run edit`), generated
 * from the zod schemas of `schemas.ts` so that a field, its hint and its constraints are written
 * once. Relation fields list the ids Sveltia finds in the content itself. What only the whole
 * content can tell (unknown references, duplicate order, declared themes no passage speaks to)
 * stays with `npm run check:content`, and each collection's description says so.
 */
import { z } from 'astro/zod';
import { PARTIAL_DATE_SHAPE } from '../util/dates.ts';
import {
  COLLECTIONS,
  IMAGE_FORMAT,
  IMAGE_TYPES,
  IMAGES_FOLDER,
  ORCID_FORMAT,
  PARTIAL_DATE_FORMAT,
  REFERENCES,
  SCHEMAS,
  type CollectionName,
} from './schemas.ts';

/** A Sveltia CMS field, as its configuration reference describes it. */
export interface CmsField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'number' | 'list' | 'object' | 'relation' | 'markdown' | 'image';
  hint?: string;
  required?: boolean;
  /** A regular expression (as text) the value must match, and the message when it does not. */
  pattern?: [string, string];
  fields?: CmsField[];
  /** A list of plain values: the one field each item is edited with. */
  field?: CmsField;
  collection?: CollectionName;
  multiple?: boolean;
  min?: number;
  /** Lists: the most items. */
  max?: number;
  /** Text: the most characters. */
  maxlength?: number;
  value_type?: 'int';
  value_field?: string;
  /** Markdown fields: which editors are offered. */
  modes?: ['raw'];
  search_fields?: string[];
  display_fields?: string[];
  /** Image fields: the file types offered, as an `accept` list; no address of another site. */
  accept?: string;
  choose_url?: false;
}

/** A Sveltia CMS folder collection. */
export interface CmsCollection {
  name: CollectionName;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: 'md';
  format: 'frontmatter';
  identifier_field: string;
  summary?: string;
  slug?: string;
  path?: string;
  fields: CmsField[];
}

/** The whole configuration handed to Sveltia CMS. */
export interface CmsConfig {
  backend: { name: 'github'; repo: string; branch: string };
  app_title: string;
  site_url?: string;
  media_folder: string;
  public_folder: string;
  output: {
    omit_empty_optional_fields: true;
    yaml: { indent_size: 2; indent_sequences: true; quote: 'none' };
  };
  collections: CmsCollection[];
}

/** What the workspace's collection list says about checks the forms cannot make. */
export const CHECK_NOTE =
  'The forms check each field. Whether ids exist, orders differ and each declared theme is mentioned is checked across files: run `npm run check:content` after saving.';

const LABELS: Record<CollectionName, [string, string]> = {
  analyses: ['Analyses', 'Analysis'],
  experts: ['Experts', 'Expert'],
  themes: ['Themes', 'Theme'],
  commentaries: ['Commentaries', 'Commentary'],
};

/** What each collection's file holds below the frontmatter, if anything. */
const BODIES: Partial<Record<CollectionName, { hint: string; required: boolean }>> = {
  analyses: { hint: 'the introduction, in markdown', required: true },
  experts: {
    hint: 'optional: the expert’s bio, a few sentences in markdown (facts their institution publishes; nothing invented)',
    required: false,
  },
  commentaries: {
    hint: 'the expert’s answer, one paragraph per passage, a blank line between paragraphs',
    required: true,
  },
};

/** How each collection's entries are named and listed. */
const ENTRIES: Record<
  CollectionName,
  Pick<CmsCollection, 'identifier_field' | 'summary' | 'slug' | 'path'>
> = {
  analyses: { identifier_field: 'title' },
  experts: { identifier_field: 'name' },
  themes: { identifier_field: 'title' },
  // The file is content/commentaries/<analysis>/<expert>.md, as the check requires.
  commentaries: {
    identifier_field: 'question',
    summary: '{{analysis}} › {{expert}}: {{question}}',
    slug: '{{expert}}',
    path: '{{analysis}}/{{slug}}',
  },
};

/** `givenName` → `Given name`. */
export function fieldLabel(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a schema says about its value in JSON Schema terms (constraints only; transforms ignored). */
function jsonOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The smallest integer a JSON Schema number constraint allows. */
function smallestInteger(json: Record<string, unknown>): number | undefined {
  if (typeof json.minimum === 'number') return Math.ceil(json.minimum);
  if (typeof json.exclusiveMinimum === 'number') return Math.floor(json.exclusiveMinimum) + 1;
  return undefined;
}

/** The Sveltia field for one schema field; `collection` tells which fields are references. */
export function cmsField(collection: CollectionName, name: string, field: z.ZodType): CmsField {
  const optional = field instanceof z.ZodOptional;
  const inner = (optional ? field.unwrap() : field) as z.ZodType;
  const hint = field.description ?? inner.description;
  const base: CmsField = {
    name,
    label: fieldLabel(name),
    widget: 'string',
    ...(hint ? { hint } : {}),
    required: !optional,
  };
  const references: Record<string, CollectionName> = (REFERENCES as Partial<Record<CollectionName, object>>)[
    collection
  ] as Record<string, CollectionName>;
  const target = references?.[name];
  const input = jsonOf(inner, 'input');
  const output = jsonOf(inner, 'output');

  if (inner instanceof z.ZodObject) {
    const fields = Object.entries(inner.shape as Record<string, z.ZodType>).map(([key, value]) =>
      cmsField(collection, key, value),
    );
    return { ...base, widget: 'object', fields };
  }
  if (inner instanceof z.ZodArray) {
    const min = typeof input.minItems === 'number' ? { min: input.minItems } : {};
    const max = typeof input.maxItems === 'number' ? { max: input.maxItems } : {};
    if (target) {
      return {
        ...base,
        widget: 'relation',
        collection: target,
        multiple: true,
        ...min,
        ...relationDisplay(target),
      };
    }
    const item = inner.element as z.ZodType;
    // Items with a length limit (takeaways) get a field each, so a comma or a long sentence stays one item.
    if (typeof jsonOf(item, 'input').maxLength === 'number') {
      const field = cmsField(collection, name.replace(/s$/, ''), item);
      return { ...base, widget: 'list', ...min, ...max, field: { ...field, required: true } };
    }
    return { ...base, widget: 'list', ...min, ...max };
  }
  if (target) return { ...base, widget: 'relation', collection: target, ...relationDisplay(target) };
  if (inner instanceof z.ZodNumber) {
    const min = smallestInteger(input);
    return {
      ...base,
      widget: 'number',
      ...(input.type === 'integer' ? { value_type: 'int' as const } : {}),
      ...(min === undefined ? {} : { min }),
    };
  }
  if (input.format === PARTIAL_DATE_FORMAT || output.format === PARTIAL_DATE_FORMAT) {
    return {
      ...base,
      pattern: [PARTIAL_DATE_SHAPE.source, 'write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-04'],
    };
  }
  if (input.format === IMAGE_FORMAT) {
    // Uploads go to the content folder's images/ (media_folder), written as images/<file> (public_folder).
    const accept = IMAGE_TYPES.map((t) => `.${t}`).join(',');
    return { ...base, widget: 'image', accept, choose_url: false };
  }
  if (output.format === ORCID_FORMAT) {
    return {
      ...base,
      pattern: [
        '^\\s*(https?://orcid\\.org/)?\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx]/?\\s*$',
        'write the ORCID iD as on orcid.org, e.g. https://orcid.org/0000-0002-1825-0097',
      ],
    };
  }
  if (output.format === 'uri') {
    return {
      ...base,
      pattern: ['^\\s*https?://\\S+\\s*$', 'write the full address, starting with https://'],
    };
  }
  return typeof input.maxLength === 'number' ? { ...base, maxlength: input.maxLength } : base;
}

/** How a relation field lists and searches the entries it can point to, by the entry's identifying field. */
function relationDisplay(
  target: CollectionName,
): Pick<CmsField, 'value_field' | 'display_fields' | 'search_fields'> {
  const shown = ENTRIES[target].identifier_field;
  return { value_field: '{{slug}}', display_fields: [shown], search_fields: [shown] };
}

/** The content folder as the workspace writes paths: relative to the project, no leading ./ or trailing /. */
const folderOf = (contentDir: string) => contentDir.replace(/^\.?\/+|\/+$/g, '');

/** One collection: its folder under the content folder, its fields from the schema, its body if it has one. */
export function cmsCollection(collection: CollectionName, contentDir: string): CmsCollection {
  const schema = SCHEMAS[collection];
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) =>
    cmsField(collection, name, field),
  );
  const body = BODIES[collection];
  // Plain text, not the rich text editor: it would rewrite the experts' markdown (escapes, emphasis marks).
  if (body)
    fields.push({
      name: 'body',
      label: 'Text',
      widget: 'markdown',
      modes: ['raw'],
      hint: body.hint,
      required: body.required,
    });
  const [label, label_singular] = LABELS[collection];
  return {
    name: collection,
    label,
    label_singular,
    description: CHECK_NOTE,
    folder: `${folderOf(contentDir)}/${collection}`,
    extension: 'md',
    format: 'frontmatter',
    ...ENTRIES[collection],
    fields,
  };
}

/** The workspace's configuration for a content folder relative to the project root. */
export function cmsConfig(options: { contentDir: string; repo?: string; siteUrl?: string }): CmsConfig {
  return {
    // Sveltia needs a Git backend to offer "Work with Local Repository"; signing in to GitHub works
    // only when CMS_REPO names the real repository.
    backend: { name: 'github', repo: options.repo ?? 'your-organisation/perspectives', branch: 'main' },
    app_title: 'Perspectives: editors’ workspace',
    ...(options.siteUrl ? { site_url: options.siteUrl } : {}),
    // Lead images and portraits live in the content folder's images/, and the frontmatter names
    // them from the content folder (images/<file>), as the check and the build read them.
    media_folder: `${folderOf(options.contentDir)}/${IMAGES_FOLDER}`,
    public_folder: IMAGES_FOLDER,
    output: {
      omit_empty_optional_fields: true,
      yaml: { indent_size: 2, indent_sequences: true, quote: 'none' },
    },
    collections: COLLECTIONS.map((name) => cmsCollection(name, options.contentDir)),
  };
}
