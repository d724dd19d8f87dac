/**
 * Markdown → passages. Commentary bodies go through remark (with GFM) and the `remarkPassages`
 * plugin, which gives every top-level block of prose a stable id and the themes its text mentions.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Definition, Nodes, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { slug } from 'github-slugger';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { isSafeUrl } from '../util/safe-url.ts';
import { themesIn, type ThemeTerms } from '../model/terms.ts';

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

/**
 * Collapses white space the way a reader sees it. Raw HTML is left out, as the page leaves it
 * out, so that the text, the id and the search index hold only what a reader sees.
 */
export function plainText(node: RootContent | Root): string {
  return blockText(node).replace(/\s+/g, ' ').trim();
}

/** Nodes whose children are blocks a reader sees apart: list items, paragraphs of a quote, cells. */
const BLOCK_PARENTS = new Set<string>(['root', 'list', 'listItem', 'blockquote', 'table', 'tableRow']);

/**
 * The text of a node with a space between its blocks: mdast-util-to-string joins children as they
 * are, so "- one\n- two" would read "onetwo" in the search index, the open data and the passage id.
 */
function blockText(node: RootContent | Root): string {
  if ('children' in node && BLOCK_PARENTS.has(node.type))
    return (node.children as RootContent[]).map(blockText).join(' ');
  return toString(node, { includeHtml: false });
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

/**
 * Removes every link and image whose address is not safe to publish (see `safe-url.ts`): a link
 * keeps its text, an image becomes its alt text. The content check refuses such addresses; this
 * makes sure that whatever reaches a page or a feed never carries one.
 */
export function dropUnsafeUrls(tree: HastRoot): HastRoot {
  visit(tree, 'element', (node: Element, index, parent) => {
    const url = node.properties.href ?? node.properties.src;
    if (url === undefined || url === null || isSafeUrl(String(url)) || !parent || index === undefined) return;
    const alt = node.properties.alt;
    const replacement =
      node.tagName === 'img' ? (alt ? [{ type: 'text' as const, value: String(alt) }] : []) : node.children;
    parent.children.splice(index, 1, ...replacement);
    return [SKIP, index];
  });
  return tree;
}

/** Renders a node to HTML, resolving reference links against the document's definitions. */
function nodeHtml(node: RootContent, definitions: Definition[]): string {
  // The passage id belongs to the component that wraps the block, not to the block itself.
  const { hProperties: _omit, ...data } = node.data ?? {};
  const bare = { ...node, data } as RootContent;
  const hast = toHast({ type: 'root', children: [...definitions, bare] }) as HastNodes;
  return toHtml(hast.type === 'root' ? dropUnsafeUrls(hast) : hast);
}

/** Blocks parsed from markdown, before any theme is known: what tagging starts from. */
type Parsed = readonly Block[];

// One build parses each body once: the content check and the model both ask for the same bodies,
// and tagging (cheap) is the only step that depends on the themes. Keyed by the markdown itself,
// so an entry is never stale; bounded so that a long `astro dev` session does not grow without end.
const PARSED_LIMIT = 100_000;
const parsed = new Map<string, Parsed>();
const checked = new Map<string, BodyProblem[]>();

/** Remark with GFM, the dialect of every body. */
const withGfm = unified().use(remarkParse).use(remarkGfm).freeze();
/** Remark alone: CommonMark, which GFM extends. */
const commonMark = unified().use(remarkParse).freeze();

/**
 * What every construct GFM adds to CommonMark needs in the text: a table's `|`, strikethrough's
 * `~`, a footnote's `[^`, a task's `[ ]` or `[x]`, and a literal autolink's `www.`, `http://`,
 * `https://` or `@` (an e-mail address, `mailto:` and `xmpp:` included). A body with none of them
 * has the same tree under GFM as under CommonMark (`markdown.test.ts` compares them); and where
 * GFM's reader runs out of stack (quotations nested thousands deep), CommonMark's does not, so the
 * check names the nesting rather than failing to read the body.
 */
export const MAY_USE_GFM = /[|~@]|\[\^|\[[ xX]\]|www\.|https?:\/\//i;

/**
 * Parses markdown into its syntax tree (remark with GFM): the one parse a body gets. A body that
 * uses nothing GFM adds is parsed without its extensions, which would only look for what is not
 * there (the literal autolinks' look at every word is most of GFM's cost: prose parses about three
 * times faster without them).
 */
function parseTree(markdown: string): Root {
  return (MAY_USE_GFM.test(markdown) ? withGfm : commonMark).parse(markdown);
}

/** Renders a parsed tree into blocks whose passages carry no themes yet (the tree is marked on the way). */
function blocksOf(tree: Root, markdown: string): Parsed {
  const processor = unified().use(remarkPassages);
  const file = new VFile(markdown);
  processor.runSync(tree, file);
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
  return blocks;
}

/** Remembers a body's problems (memo bounded, see PARSED_LIMIT). */
function rememberProblems(markdown: string, problems: BodyProblem[]): void {
  if (checked.size >= PARSED_LIMIT) checked.clear();
  checked.set(markdown, problems);
}

/** Remembers a body's blocks (memo bounded, see PARSED_LIMIT). */
function rememberBlocks(markdown: string, blocks: Parsed): void {
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(markdown, blocks);
}

/**
 * Takes a parse from the parse source (an earlier process's, see `useParseSource`), if it has
 * one for this body; true when it did.
 */
function fromSource(markdown: string): boolean {
  const earlier = source?.get(markdown);
  if (!earlier) return false;
  primeParse(markdown, earlier);
  return true;
}

/** Parses a markdown body into rendered blocks whose passages carry no themes yet. */
export function parseBlocks(markdown: string): Parsed {
  const known = parsed.get(markdown);
  if (known) return known;
  if (fromSource(markdown)) {
    const earlier = parsed.get(markdown);
    if (earlier) return earlier;
  }
  const tree = parseTree(markdown);
  // The same parse answers the check, which reads the tree before blocksOf marks it.
  if (!checked.has(markdown)) rememberProblems(markdown, findBodyProblems(tree));
  const blocks = blocksOf(tree, markdown);
  rememberBlocks(markdown, blocks);
  return blocks;
}

/** The theme-independent parse of a body: what the content loader stores with an entry. */
export interface BodyParse {
  problems: BodyProblem[];
  /** The blocks, when the body has no problem (a body with problems is never rendered). */
  blocks?: Block[];
}

/** Checks and parses a body once: its problems, and its blocks when it has none. Throws as they do. */
export function parseBody(markdown: string): BodyParse {
  const problems = bodyProblems(markdown);
  return problems.length > 0 ? { problems } : { problems, blocks: [...parseBlocks(markdown)] };
}

/**
 * Remembers a parse made earlier (by the content loader, possibly in an earlier build) so that
 * `bodyProblems` and `parseBlocks` return it without parsing the body again.
 */
export function primeParse(markdown: string, parse: BodyParse): void {
  rememberProblems(markdown, parse.problems);
  if (parse.blocks) rememberBlocks(markdown, parse.blocks);
}

/**
 * Forgets every parse remembered in this module. The build's content check runs in Astro's
 * process, in a module graph of its own: once it has reported (and written its parses to disk for
 * the content layer), its copies of every body's parse would only hold memory for the whole build.
 */
export function forgetParses(): void {
  parsed.clear();
  checked.clear();
}

/** Where parses made by another process come from (a cache on disk); looked up before parsing. */
export interface ParseSource {
  get(markdown: string): BodyParse | undefined;
}

let source: ParseSource | undefined;

/** Sets (or, with `undefined`, removes) the parse source consulted before a body is parsed. */
export function useParseSource(next: ParseSource | undefined): void {
  source = next;
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

/** Deeper than this, quotations, lists or emphasis inside each other are refused (the renderer recurses). */
export const MAX_NESTING = 40;

/** Something in a markdown body that must not be published, at a line of the body (1-based). */
export interface BodyProblem {
  line: number;
  message: string;
}

/** Shortens what the editor wrote for a message, quoted, control characters escaped. */
function quoted(text: string, max = 60): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(short);
}

/** What a body's raw HTML node is, for the editor. */
function htmlProblem(value: string): string {
  if (value.trimStart().startsWith('<!--')) {
    return 'an HTML comment is not allowed in the text (it would be lost, and its words would reach neither page nor search): remove it, and keep notes for editors outside the content folder';
  }
  return `raw HTML ${quoted(value.trim(), 40)} is not allowed: the text is plain prose in markdown; remove the markup, or write \\< to show a < as text`;
}

/**
 * Finds what the content check refuses in a markdown body: links, images and reference
 * definitions whose address is not http(s), mailto or inside the site; raw HTML (which would be
 * dropped from the page); and nesting deeper than MAX_NESTING. Walks the tree without recursion,
 * so that no body can exhaust the stack here.
 */
export function bodyProblems(markdown: string): BodyProblem[] {
  const known = checked.get(markdown);
  if (known) return known;
  if (fromSource(markdown)) return checked.get(markdown)!;
  const tree = parseTree(markdown);
  const problems = findBodyProblems(tree);
  rememberProblems(markdown, problems);
  // A body without problems is rendered next (by the check and the model): from this same parse.
  if (problems.length === 0 && !parsed.has(markdown)) {
    try {
      rememberBlocks(markdown, blocksOf(tree, markdown));
    } catch {
      // parseBlocks parses again and throws to its own caller, who reports it.
    }
  }
  return problems;
}

/** What `bodyProblems` finds, unmemoized. */
function findBodyProblems(tree: Root): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const htmlLines = new Set<number>();
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const line = node.position?.start.line ?? 1;
    if (depth > MAX_NESTING) {
      problems.push({
        line,
        message: `quotations, lists or emphasis are nested more than ${MAX_NESTING} levels deep: no reader can follow that, and the site cannot render it; flatten the text`,
      });
      continue;
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      if (!isSafeUrl(node.url)) {
        const what = node.type === 'image' ? 'image' : 'link';
        problems.push({
          line,
          message: `the ${what} address ${quoted(node.url)} is not allowed: an address must start with https://, http:// or mailto:, or point inside the site (/…, #…); correct it, or remove the ${what}`,
        });
      }
    }
    // One problem per line of HTML: `<b>` and its `</b>` are one mistake.
    if (node.type === 'html' && !htmlLines.has(line)) {
      htmlLines.add(line);
      problems.push({ line, message: htmlProblem(node.value) });
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--)
        stack.push({ node: node.children[i]!, depth: depth + 1 });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}
