import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { CHECK_NOTE, cmsConfig, fieldLabel, type CmsField } from './cms-config.ts';
import { COLLECTIONS, REFERENCES, SCHEMAS, type CollectionName } from './schemas.ts';

const config = cmsConfig({ contentDir: 'content' });
const collection = (name: CollectionName) => config.collections.find((c) => c.name === name)!;

/** Every key path of a zod object schema, nested objects included: `source.url`. */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, value]) => [
    `${prefix}${key}`,
    ...schemaPaths(value, `${prefix}${key}.`),
  ]);
}

/** Every key path of the generated fields. */
function fieldPaths(fields: readonly CmsField[], prefix = ''): string[] {
  return fields.flatMap((f) => [`${prefix}${f.name}`, ...fieldPaths(f.fields ?? [], `${prefix}${f.name}.`)]);
}

/** The generated field at a key path. */
function fieldAt(name: CollectionName, path: string): CmsField {
  let fields = collection(name).fields;
  let found: CmsField | undefined;
  for (const key of path.split('.')) {
    found = fields.find((f) => f.name === key);
    fields = found?.fields ?? [];
  }
  if (!found) throw new Error(`no field ${name} › ${path}`);
  return found;
}

describe('cmsConfig', () => {
  test.each(COLLECTIONS)('%s: every schema field is a form field, and no other', (name) => {
    const generated = fieldPaths(collection(name).fields).filter((p) => p !== 'body');
    expect(generated.sort()).toEqual(schemaPaths(SCHEMAS[name]).sort());
  });

  test.each(COLLECTIONS)('%s: every described field shows its description as the hint', (name) => {
    for (const path of schemaPaths(SCHEMAS[name])) {
      let schema: z.ZodType = SCHEMAS[name];
      for (const key of path.split('.')) {
        const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
        schema = (inner as z.ZodObject).shape[key] as z.ZodType;
      }
      expect(fieldAt(name, path).hint, path).toBe(schema.description);
    }
  });

  test.each(COLLECTIONS)(
    '%s: a field is required exactly when the schema does not mark it optional',
    (name) => {
      const shape = SCHEMAS[name].shape as Record<string, z.ZodType>;
      for (const [key, schema] of Object.entries(shape)) {
        expect(fieldAt(name, key).required, key).toBe(!(schema instanceof z.ZodOptional));
      }
    },
  );

  test('each reference is a relation to its collection; the themes take several, at least one', () => {
    for (const [field, target] of Object.entries(REFERENCES.commentaries)) {
      expect(fieldAt('commentaries', field)).toMatchObject({ widget: 'relation', collection: target });
    }
    expect(fieldAt('commentaries', 'themes')).toMatchObject({ multiple: true, min: 1 });
    expect(fieldAt('commentaries', 'analysis').multiple).toBeUndefined();
  });

  test('the editors’ summaries are forms with the schema’s limits: a bottom line, and a list of one to five takeaways', () => {
    const [analysisSchema, commentarySchema] = [SCHEMAS.analyses, SCHEMAS.commentaries];
    const takeaways = analysisSchema.shape.takeaways.unwrap();
    const item = takeaways.element;
    expect(fieldAt('commentaries', 'bottomLine')).toMatchObject({
      widget: 'string',
      required: false,
      maxlength: z.toJSONSchema(commentarySchema.shape.bottomLine.unwrap()).maxLength,
    });
    expect(fieldAt('analyses', 'takeaways')).toMatchObject({
      widget: 'list',
      required: false,
      min: 1,
      max: z.toJSONSchema(takeaways, { unrepresentable: 'any' }).maxItems,
      field: {
        name: 'takeaway',
        widget: 'string',
        required: true,
        hint: item.description,
        maxlength: z.toJSONSchema(item, { unrepresentable: 'any' }).maxLength,
      },
    });
    expect(fieldAt('commentaries', 'bottomLine').maxlength).toBeGreaterThan(0);
    expect(fieldAt('analyses', 'takeaways').field?.maxlength).toBeGreaterThan(0);
    // A plain list of terms keeps its one-line-per-item form, without per-item limits.
    expect(fieldAt('themes', 'terms').field).toBeUndefined();
  });

  test('a commentary is saved as <analysis>/<expert>.md in its folder', () => {
    expect(collection('commentaries')).toMatchObject({
      folder: 'content/commentaries',
      slug: '{{expert}}',
      path: '{{analysis}}/{{slug}}',
    });
  });

  test.each([
    ['analyses', 'required'],
    ['commentaries', 'required'],
    ['experts', 'optional'],
    ['themes', 'none'],
  ] as const)('%s: a markdown body edited as plain text is %s', (name, body) => {
    const field = collection(name).fields.find((f) => f.name === 'body');
    expect(field && { widget: field.widget, modes: field.modes, required: field.required }).toEqual(
      body === 'none' ? undefined : { widget: 'markdown', modes: ['raw'], required: body === 'required' },
    );
  });

  test.each([
    ['analyses', 'photo.file', false],
    ['experts', 'portrait.file', true],
  ] as const)(
    '%s › %s is an image picker for the content’s image types, required is %s',
    (name, path, required) => {
      const field = fieldAt(name, path);
      expect(field).toMatchObject({ widget: 'image', required, choose_url: false });
      expect(field.accept?.split(',')).toEqual(['.jpg', '.jpeg', '.png', '.webp', '.avif']);
    },
  );

  test('uploads go to the content folder’s images/, written as a path from the content folder', () => {
    expect(config).toMatchObject({ media_folder: 'content/images', public_folder: 'images' });
    expect(cmsConfig({ contentDir: './e2e/fixtures/cms/' }).media_folder).toBe('e2e/fixtures/cms/images');
  });

  test('the folders follow the content folder', () => {
    const other = cmsConfig({ contentDir: './e2e/fixtures/cms/' });
    expect(other.collections.map((c) => c.folder)).toEqual(COLLECTIONS.map((c) => `e2e/fixtures/cms/${c}`));
  });

  test('empty optional fields are left out of the files, and every collection names the cross-file check', () => {
    expect(config.output.omit_empty_optional_fields).toBe(true);
    for (const c of config.collections) expect(c.description).toBe(CHECK_NOTE);
    expect(CHECK_NOTE).toContain('npm run check:content');
  });

  test.each([
    ['givenName', 'Given name'],
    ['source', 'Source'],
  ])('labels %s as %s', (name, label) => {
    expect(fieldLabel(name)).toBe(label);
  });
});

/** Whether the form would accept a text value: required, and the pattern if there is one. */
function formAccepts(field: CmsField, value: string): boolean {
  if (value.trim() === '') return !field.required;
  return field.pattern ? new RegExp(field.pattern[0]).test(value) : true;
}

/** Whether the schema accepts the value in that field of a valid entry. */
function schemaAccepts(name: CollectionName, path: string, value: unknown): boolean {
  const valid: Record<CollectionName, Record<string, unknown>> = {
    analyses: { title: 't', dek: 'd', published: '2024', source: { name: 'n', url: 'https://example.org/' } },
    experts: { name: 'n', givenName: 'g', familyName: 'f', affiliation: 'a', links: {} },
    themes: { title: 't', description: 'd', terms: ['x'] },
    commentaries: { analysis: 'a', expert: 'e', question: 'q', order: 1, themes: ['t'] },
  };
  const data = structuredClone(valid[name]);
  const keys = path.split('.');
  let target = data;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return SCHEMAS[name].safeParse(data).success;
}

describe('the forms and the schema agree', () => {
  test.each([
    ['analyses', 'published', '2024', true],
    ['analyses', 'published', '2024-04', true],
    ['analyses', 'published', '2024-04-26', true],
    ['analyses', 'published', '2024-4', false],
    ['analyses', 'published', '2024-13', false],
    ['analyses', 'published', 'April 2024', false],
    ['analyses', 'published', '', false],
    ['analyses', 'source.url', 'https://example.org/a', true],
    ['analyses', 'source.url', 'example.org/a', false],
    ['analyses', 'source.name', '', false],
    ['analyses', 'disclaimer', 'A line.', true],
    ['experts', 'name', '', false],
    ['experts', 'links.orcid', 'https://orcid.org/0000-0002-1825-0097', true],
    ['experts', 'links.orcid', '0000-0002-1825-0097', true],
    ['experts', 'links.orcid', 'orcid.org/jane', false],
    ['experts', 'links.institution', 'https://example.org/people/jane', true],
    ['experts', 'links.institution', 'javascript:alert(1)', false],
    ['experts', 'role', 'Senior Fellow', true],
    ['themes', 'title', 'Ports', true],
  ] as const)('%s › %s = %j: accepted is %s', (name, path, value, accepted) => {
    expect(schemaAccepts(name, path, value)).toBe(accepted);
    expect(formAccepts(fieldAt(name, path), value)).toBe(accepted);
  });

  test.each([
    [1, true],
    [3, true],
    [0, false],
    [-2, false],
  ])('commentaries › order = %d: accepted is %s', (order, accepted) => {
    const field = fieldAt('commentaries', 'order');
    expect(schemaAccepts('commentaries', 'order', order)).toBe(accepted);
    expect(field.value_type).toBe('int');
    expect(order >= (field.min ?? -Infinity)).toBe(accepted);
  });

  test.each([
    [[], false],
    [['a'], true],
    [['a', 'b'], true],
  ])('commentaries › themes = %j: accepted is %s', (themes, accepted) => {
    expect(schemaAccepts('commentaries', 'themes', themes)).toBe(accepted);
    expect(themes.length >= (fieldAt('commentaries', 'themes').min ?? 0)).toBe(accepted);
  });

  test('an ORCID iD with a wrong check digit passes the form and is left to the check', () => {
    expect(formAccepts(fieldAt('experts', 'links.orcid'), '0000-0002-1825-0098')).toBe(true);
    expect(schemaAccepts('experts', 'links.orcid', '0000-0002-1825-0098')).toBe(false);
  });

  test('an impossible day passes the form and is left to the check', () => {
    expect(formAccepts(fieldAt('analyses', 'published'), '2024-02-30')).toBe(true);
    expect(schemaAccepts('analyses', 'published', '2024-02-30')).toBe(false);
  });
});
