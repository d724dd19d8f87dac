/**
 * Markdown → passages. Commentary bodies go through remark (with GFM) and the `remarkPassages`
 * plugin, which gives every top-level block of prose a stable id and the themes its text mentions.
 */
import type { Nodes as HastNodes } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Definition, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { slug } from 'github-slugger';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { themesIn, type ThemeTerms } from './terms';

/** One passage of a commentary: a paragraph (or list, quote, table) a reader can link to. */
export interface Passage {
  /** Anchor id, derived from the passage's opening words. */
  id: string;
  /** Plain text of the passage, white space collapsed. */
  text: string;
  /** Ids of the themes whose terms the passage mentions. */
  themes: string[];
}

/** A rendered block of a markdown body: a passage, or structure between passages (a heading). */
export type Block = (Passage & { kind: 'passage'; html: string }) | { kind: 'other'; html: string };

/** Options of the passage plugin: the themes a passage may be tagged with. */
export interface PassageOptions {
  themes?: readonly ThemeTerms[];
}

const PASSAGE_TYPES = new Set<RootContent['type']>(['paragraph', 'list', 'blockquote', 'table', 'code']);
const ID_WORDS = 6;
const ID_MAX_LENGTH = 60;

/** True for the top-level nodes that are passages. */
export function isPassageNode(node: RootContent): boolean {
  return PASSAGE_TYPES.has(node.type);
}

/** Collapses white space the way a reader sees it. */
export function plainText(node: RootContent | Root): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/**
 * Derives a passage id from its opening words, so that it survives edits to other passages.
 * `taken` holds the ids already used in the same document; repeats get -2, -3…
 */
export function passageId(text: string, taken: ReadonlySet<string>): string {
  const words = text.split(/\s+/).slice(0, ID_WORDS).join(' ');
  let stem = slug(words).replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, ID_MAX_LENGTH);
  stem = stem.replace(/-$/, '') || 'passage';
  const base = `p-${stem}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

declare module 'vfile' {
  interface DataMap {
    passages: Passage[];
  }
}

/** Remark plugin: marks each top-level passage with an id and its themes, and lists them in `file.data.passages`. */
export const remarkPassages: Plugin<[PassageOptions?], Root> = (options = {}) => {
  const themes = options.themes ?? [];
  return (tree: Root, file: VFile) => {
    const taken = new Set<string>();
    const passages: Passage[] = [];
    for (const node of tree.children) {
      if (!isPassageNode(node)) continue;
      const text = plainText(node);
      const id = passageId(text, taken);
      taken.add(id);
      const passage: Passage = { id, text, themes: themesIn(text, themes) };
      passages.push(passage);
      node.data = { ...node.data, hProperties: { id, dataThemes: passage.themes.join(' ') } };
    }
    file.data.passages = passages;
  };
};

/** Renders a node to HTML, resolving reference links against the document's definitions. */
function nodeHtml(node: RootContent, definitions: Definition[]): string {
  // The passage id belongs to the component that wraps the block, not to the block itself.
  const { hProperties: _omit, ...data } = node.data ?? {};
  const bare = { ...node, data } as RootContent;
  const hast = toHast({ type: 'root', children: [...definitions, bare] }) as HastNodes;
  return toHtml(hast);
}

/** Blocks parsed from markdown, before any theme is known: what tagging starts from. */
type Parsed = readonly Block[];

// One build parses each body once: the content check and the model both ask for the same bodies,
// and tagging (cheap) is the only step that depends on the themes. Keyed by the markdown itself,
// so an entry is never stale; bounded so that a long `astro dev` session does not grow without end.
const PARSED_LIMIT = 100_000;
const parsed = new Map<string, Parsed>();

/** Parses a markdown body into rendered blocks whose passages carry no themes yet. */
export function parseBlocks(markdown: string): Parsed {
  const known = parsed.get(markdown);
  if (known) return known;
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkPassages);
  const file = new VFile(markdown);
  const tree = processor.runSync(processor.parse(file), file);
  const passages = file.data.passages ?? [];
  const definitions = tree.children.filter((n): n is Definition => n.type === 'definition');
  const blocks: Block[] = [];
  let next = 0;
  for (const node of tree.children) {
    if (node.type === 'definition') continue;
    const html = nodeHtml(node, definitions);
    const passage = isPassageNode(node) ? passages[next++] : undefined;
    if (passage) blocks.push({ kind: 'passage', ...passage, html });
    else if (html.trim() !== '') blocks.push({ kind: 'other', html });
  }
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(markdown, blocks);
  return blocks;
}

/** Tags each passage of parsed blocks with the given themes whose terms it mentions (new blocks; the parse is shared). */
export function tagBlocks(blocks: Parsed, themes: readonly ThemeTerms[]): Block[] {
  return blocks.map((block) =>
    block.kind === 'passage' ? { ...block, themes: themesIn(block.text, themes) } : block,
  );
}

/** Parses a markdown body into rendered blocks, tagging passages with the given themes. */
export function renderBlocks(markdown: string, options: PassageOptions = {}): Block[] {
  return tagBlocks(parseBlocks(markdown), options.themes ?? []);
}
