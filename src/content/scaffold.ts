/**
 * The files `npm run new:analysis` and `npm run new:commentary` create: correctly shaped
 * frontmatter, what is known filled in, every field explained and the allowed values listed in
 * YAML comments. What the editor must still write is left empty, so that the content check
 * refuses the file until it is done and nothing half-written is ever published.
 */
import { slug } from 'github-slugger';
import type { z } from 'astro/zod';
import { identify, type SourceFile } from './check.ts';
import { fieldDescription } from './issues.ts';
import { analysisSchema, commentarySchema, type CollectionName } from './schemas.ts';
import { compareText } from '../util/text.ts';

/** What exists already, read leniently: an entry counts even while its fields are unfinished. */
export interface Inventory {
  ids: Record<CollectionName, string[]>;
  /** Each file by id, per collection, to name the file that holds an id. */
  files: Record<CollectionName, Map<string, string>>;
  /** Themes whose frontmatter reads, with their title and terms when present. */
  themes: { id: string; title?: string; terms?: string[] }[];
  /** The orders already taken, by analysis id. */
  orders: Map<string, number[]>;
}

/** Lists what the content folder holds, tolerating files with errors. */
export function inventory(files: readonly SourceFile[]): Inventory {
  const empty = () => ({ analyses: [], experts: [], themes: [], commentaries: [] });
  const ids: Record<CollectionName, string[]> = empty();
  const byId: Record<CollectionName, Map<string, string>> = {
    analyses: new Map(),
    experts: new Map(),
    themes: new Map(),
    commentaries: new Map(),
  };
  const themes: Inventory['themes'] = [];
  const orders = new Map<string, number[]>();
  for (const { file, data, id, duplicateOf } of identify(files)) {
    if (duplicateOf) continue;
    byId[file.collection].set(id, file.file);
    ids[file.collection].push(id);
    if (file.collection === 'themes') {
      const terms = Array.isArray(data.terms) ? data.terms.map(String) : undefined;
      themes.push({ id, title: typeof data.title === 'string' ? data.title : undefined, terms });
    }
    if (file.collection === 'commentaries' && typeof data.order === 'number') {
      const analysis = typeof data.analysis === 'string' ? data.analysis : id.split('/')[0]!;
      orders.set(analysis, [...(orders.get(analysis) ?? []), data.order]);
    }
  }
  for (const list of Object.values(ids)) list.sort();
  themes.sort((a, b) => compareText(a.id, b.id));
  return { ids, files: byId, themes, orders };
}

/** The file name (id) for a new analysis: its title, slugged. */
export function analysisId(title: string): string {
  return slug(title).replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** The first order after those already taken in an analysis. */
export function nextOrder(taken: readonly number[] = []): number {
  return taken.length === 0 ? 1 : Math.max(...taken) + 1;
}

/** A YAML comment explaining a field, from the schema's description, with more advice after it. */
function explain(schema: z.ZodType, path: string[], more = '', indent = ''): string {
  const text = fieldDescription(schema, path) ?? '';
  const stop = /[.…?!/]$/.test(text) ? '' : '.';
  return `${indent}# ${text.charAt(0).toUpperCase()}${text.slice(1)}${stop}${more ? ` ${more}` : ''}`;
}

/** A YAML double-quoted string (JSON's syntax is valid YAML). */
const quoted = (value: string) => JSON.stringify(value);

/** Lists ids for a comment, or says there are none. */
const oneOf = (ids: readonly string[]) => (ids.length ? `One of: ${ids.join(', ')}.` : 'There are none yet.');

/** The markdown file for a new analysis titled `title`. */
export function analysisFile(title: string): string {
  const s = analysisSchema;
  return [
    '---',
    '# Created by npm run new:analysis. Fill in every "" below, write the introduction after the',
    '# closing ---, then run npm run check:content: it names anything still missing.',
    explain(s, ['title']),
    `title: ${quoted(title)}`,
    explain(s, ['dek']),
    'dek: ""',
    explain(s, ['published']),
    'published: ""',
    explain(s, ['source']),
    'source:',
    explain(s, ['source', 'name'], '', '  '),
    '  name: ""',
    explain(s, ['source', 'url'], '', '  '),
    '  url: ""',
    explain(s, ['photo'], 'Remove the # signs to use it.'),
    '# photo:',
    '#   caption: ""',
    '#   credit: ""',
    '#   # With an image file in the content folder’s images/ folder, also (else leave these out):',
    '#   file: images/',
    '#   alt: ""',
    explain(s, ['disclaimer'], 'Remove the # sign to use it.'),
    '# disclaimer: ""',
    explain(s, ['takeaways'], 'Remove the # signs to use them; add a line per takeaway.'),
    '# takeaways:',
    '#   - ""',
    '---',
    '',
  ].join('\n');
}

/** What a new commentary needs to know about the content it joins. */
export interface CommentaryContext {
  analysis: string;
  expert: string;
  inventory: Inventory;
}

/** The markdown file for a new commentary by `expert` in `analysis`. */
export function commentaryFile({ analysis, expert, inventory: known }: CommentaryContext): string {
  const s = commentarySchema;
  const taken = [...(known.orders.get(analysis) ?? [])].sort((a, b) => a - b);
  const width = Math.max(0, ...known.themes.map((t) => t.id.length));
  const themeLines = known.themes.map((t) => {
    const about = [t.title, t.terms?.length ? `terms: ${t.terms.join(', ')}` : undefined].filter(Boolean);
    // Removing the first # leaves `- id  # about`: the item, then a YAML comment.
    return `  # - ${t.id.padEnd(width)}${about.length ? `   # ${about.join('; ')}` : ''}`;
  });
  return [
    '---',
    '# Created by npm run new:commentary. Fill in the question, choose the themes, write the answer',
    '# after the closing --- (one paragraph per passage), then run npm run check:content.',
    explain(s, ['analysis'], oneOf(known.ids.analyses)),
    `analysis: ${analysis}`,
    explain(s, ['expert'], oneOf(known.ids.experts)),
    `expert: ${expert}`,
    explain(s, ['question']),
    'question: ""',
    explain(s, ['order'], taken.length ? `Taken already: ${taken.join(', ')}.` : ''),
    `order: ${nextOrder(taken)}`,
    explain(s, ['bottomLine'], 'Remove the # sign to use it.'),
    '# bottomLine: ""',
    explain(s, ['themes'], 'Remove the # before each theme it speaks to.'),
    '# A passage is tagged with a declared theme when it mentions one of the theme’s terms, and each',
    '# declared theme needs at least one such passage.',
    'themes:',
    ...(themeLines.length ? themeLines : ['  # There are no themes yet: add one in themes/ first.']),
    '---',
    '',
  ].join('\n');
}
