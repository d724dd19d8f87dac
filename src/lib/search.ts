/**
 * The search page's logic that does not touch the DOM: the state kept in the URL, the filters
 * and ranking handed to Pagefind, and the shaping of its results.
 */

/** The facets a reader can narrow by, by id; the search page filters by them itself (see `FacetFile`). */
export const FACETS = ['expert', 'theme', 'analysis'] as const;
export type Facet = (typeof FACETS)[number];

/** What a reader asked for: a query and, per facet, the ids they chose. */
export interface SearchState {
  q: string;
  filters: Record<Facet, string[]>;
}

/** Pagefind's ranking, tuned for records that are single paragraphs (see each line). */
export const RANKING = {
  // Prefer a word close in length to the query over a long extension of it: "AI" should rank
  // "AI governance" above "aimed" and "aims", which Pagefind also matches as prefixes.
  termSimilarity: 2,
  // Every record is one paragraph, so length says little about relevance; the default (0.75)
  // lets a two-sentence passage beat a paragraph that discusses the subject at length.
  pageLength: 0.5,
  // A paragraph that returns to a word several times is about it, but not without limit.
  termSaturation: 1.2,
  metaWeights: {
    // The question a passage answers is its title. A match there should lead, yet a question
    // word alone (about equal to one mention in a passage) must not bury passages that say it.
    question: 2,
    // Naming an expert ("Scobell Taiwan") should bring that expert's passages up.
    expert: 2,
    // Theme titles find passages the editors tagged with a theme in other words (Freeman's
    // "illicit drugs and their precursors" for "fentanyl"), but below passages that use the word.
    themes: 0.6,
  },
} as const;

/** How many words of a passage a result shows around the matches. */
export const EXCERPT_WORDS = 36;

/** How many results the page shows at first, and adds with each "Show more results". */
export const PAGE_SIZE = 10;

/** No value chosen in any facet; also the shape of anything kept per facet. */
export const emptyFilters = (): Record<Facet, string[]> => ({ expert: [], theme: [], analysis: [] });

/** Reads the state from a query string (`?q=…&expert=…&theme=…&analysis=…`); unknown keys are ignored. */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptyFilters();
  for (const facet of FACETS) {
    filters[facet] = [...new Set(params.getAll(facet).filter((v) => v.trim() !== ''))];
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** Writes the state as a query string, without empty parts; the inverse of `parseSearchState`. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const facet of FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** True when the reader chose at least one filter. */
export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state.filters[facet].length > 0);
}

/**
 * The facet file (`facets.<checksum>.json` beside Pagefind's bundle). It names no passage: its rows
 * are in the index's own order, which is the order Pagefind lists every record in when searching
 * with no query and no filter (`search(null)`), so the browser learns each row's result id from the
 * index it has already loaded instead of downloading the ids a second time.
 * - `values`: each facet's values, once;
 * - `records` and `checksum`: how many rows, and `idsChecksum` of the result ids in that order. The
 *   file is named by the checksum too (`facetFileName`), so the browser asks for the file of the
 *   index it has loaded, never a stale one, and a file and an index that do not belong together are
 *   refused rather than misread;
 * - `passages`: per facet, for each row, the indexes of its values in base 36, dot-separated,
 *   rows comma-separated. Rows of one commentary are neighbours, so the columns compress well.
 */
export interface FacetFile {
  values: Record<Facet, string[]>;
  records: number;
  checksum: string;
  passages: Record<Facet, string>;
}

/** The facet file's name for an index whose result ids, in order, have this checksum. */
export function facetFileName(checksum: string): string {
  return `facets.${checksum}.json`;
}

/** One passage's values per facet. */
export type FacetValues = Record<Facet, readonly string[]>;

/** A short checksum of result ids in order (32-bit FNV-1a over the ids joined by commas, base 36). */
export function idsChecksum(ids: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = ids.join(',');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * Each Pagefind result id's facet values, from the facet file and the ids of every record in the
 * index's order (what `search(null)` lists). Throws when the two do not belong together.
 */
export function readFacetFile(file: FacetFile, ids: readonly string[]): Map<string, FacetValues> {
  const shaped =
    typeof file === 'object' &&
    file !== null &&
    typeof file.records === 'number' &&
    typeof file.checksum === 'string' &&
    FACETS.every((f) => Array.isArray(file.values?.[f]) && typeof file.passages?.[f] === 'string');
  if (!shaped) throw new Error('the filter file is not one this page can read');
  if (ids.length !== file.records || idsChecksum(ids) !== file.checksum) {
    throw new Error(
      `the filter file (${file.records} passages, checksum ${file.checksum}) belongs to another build than the search index (${ids.length} passages, checksum ${idsChecksum(ids)})`,
    );
  }
  const columns = FACETS.map((facet) => file.passages[facet].split(','));
  const passages = new Map<string, FacetValues>();
  ids.forEach((id, row) => {
    const values = {} as Record<Facet, string[]>;
    FACETS.forEach((facet, i) => {
      const cell = columns[i]![row] ?? '';
      values[facet] =
        cell === '' ? [] : cell.split('.').flatMap((n) => file.values[facet][parseInt(n, 36)] ?? []);
    });
    passages.set(id, values);
  });
  return passages;
}

/**
 * Whether a passage with these values is kept by the state's filters: values of one facet widen
 * (any of them), facets narrow each other. `without` leaves one facet out, to count what choosing
 * another of its values would add. A passage the facet file does not know passes no filter.
 */
export function passesFilters(values: FacetValues | undefined, state: SearchState, without?: Facet): boolean {
  return FACETS.every((facet) => {
    const chosen = state.filters[facet];
    if (facet === without || chosen.length === 0) return true;
    return values !== undefined && values[facet].some((v) => chosen.includes(v));
  });
}

/** The results the state's filters keep, in their order. */
export function filterResults<T extends { id: string }>(
  results: readonly T[],
  facets: ReadonlyMap<string, FacetValues>,
  state: SearchState,
): T[] {
  return results.filter((r) => passesFilters(facets.get(r.id), state, undefined));
}

/** Per facet and value, a count of passages. */
export type FacetCounts = Record<Facet, Record<string, number>>;

/**
 * What each value of each facet would give among the results `ids`: the passages with that value
 * that the other facets' choices keep. A facet's counts leave its own choice out, so that they say
 * what choosing another of its values would add.
 */
export function facetCounts(
  ids: readonly string[],
  facets: ReadonlyMap<string, FacetValues>,
  state: SearchState,
): FacetCounts {
  const counts: FacetCounts = { expert: {}, theme: {}, analysis: {} };
  for (const id of ids) {
    const values = facets.get(id);
    if (!values) continue;
    for (const facet of FACETS) {
      if (!passesFilters(values, state, facet)) continue;
      for (const value of new Set(values[facet])) counts[facet][value] = (counts[facet][value] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * The analysis a passage belongs to, from its permalink (`…/commentaries/<analysis>/<expert>/#…`,
 * see `urls.passage`), so that a result can name it before the facet file is loaded.
 */
export function passageAnalysis(url: string): string | undefined {
  const match = /\/commentaries\/([^/?#]+)\/[^/?#]+\/(?:[?#]|$)/.exec(url);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

/** True for a query Pagefind runs as an exact phrase: one quoted string. */
export function isQuoted(query: string): boolean {
  return /^\s*".+"\s*$/.test(query);
}

/**
 * What to hand Pagefind for a query. Pagefind extends every word as a prefix, which serves words of
 * three letters or more ("opio" → "opioids") but turns a short one into noise: "AI" would find
 * "aimed" and "aims", "Xi" "Xiaohong". A query of one such word is searched as an exact word (a
 * quoted query), so "AI" finds AI.
 */
export function pagefindQuery(query: string): string {
  const words = queryWords(query);
  if (isQuoted(query) || words.length !== 1) return query;
  const word = words[0]!;
  return foldWord(word).length <= 2 ? `"${word}"` : query;
}

/** The words of a query as a reader typed them, without quotes and without words that hold no letter or digit. */
export function queryWords(query: string): string[] {
  const words = query
    .replace(/["“”]/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return [...new Set(words)];
}

/**
 * Lower case, no accents, letters and digits only: how two spellings of a word are compared. The
 * same as `fold` in highlight.ts, which the reading pages' script keeps to itself so as to import nothing.
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
};

/**
 * Whether a query word was really found, given the words Pagefind matched for it. Pagefind matches
 * a word by its stem, by extension ("opio" → "opioids") and, when nothing extends it, by the
 * longest indexed word it starts with: "Israel" would match "is" and "inflation" "in". A match
 * counts when it shares the word's first four letters (all of them, for shorter words).
 */
export function wordFound(word: string, matched: readonly string[]): boolean {
  const folded = foldWord(word);
  if (folded === '') return false;
  const need = Math.min(folded.length, 4);
  return matched.some((m) => commonPrefix(folded, foldWord(m)) >= need);
}

/**
 * Whether a word Pagefind matched is one the reader asked for, to mark it. Pagefind extends every
 * query word, so "to" also matches "top" and "toward", and "AI" matches "aims": a word of one or
 * two letters marks only itself, a longer one the words that share its first four letters
 * ("escalate" → "escalation"). A compound counts by its parts ("U.S.-China" for "China").
 */
export function matchesQuery(word: string, query: readonly string[]): boolean {
  const parts = [word, ...word.split(/[^\p{L}\p{N}]+/u)].map(foldWord).filter(Boolean);
  return query
    .map(foldWord)
    .filter(Boolean)
    .some((q) => parts.some((p) => (q.length <= 2 ? p === q : commonPrefix(p, q) >= Math.min(q.length, 4))));
}

/** The match locations whose words the reader asked for (see `matchesQuery`). */
export function relevantLocations(
  content: string,
  locations: readonly number[],
  query: readonly string[],
): number[] {
  const words = pagefindWords(content);
  return locations.filter((l) => {
    const word = words[l];
    return word !== undefined && matchesQuery(word, query);
  });
}

/** Splits text into words the way Pagefind counts word locations. */
export function pagefindWords(content: string): string[] {
  return content.split(/[^\S\uFEFF]+/);
}

/** The words of `content` at Pagefind's match `locations`, in order, without repeats (by folded form). */
export function wordsAt(content: string, locations: readonly number[]): string[] {
  const words = pagefindWords(content);
  const seen = new Set<string>();
  const found: string[] = [];
  for (const location of [...locations].sort((a, b) => a - b)) {
    const word = words[location]?.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!word || seen.has(foldWord(word))) continue;
    seen.add(foldWord(word));
    found.push(word);
  }
  return found;
}

/** A run of excerpt text, marked when it is a match. Rendered as text nodes, never as HTML. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Cuts an excerpt of `length` words from `content` around the densest cluster of matches and marks
 * the matched words. Works on plain text, so nothing in a passage or a query can become markup.
 */
export function excerptParts(content: string, locations: readonly number[], length: number): ExcerptPart[] {
  const words = pagefindWords(content.trim());
  const marked = new Set(locations.filter((l) => l >= 0 && l < words.length));
  let start = 0;
  if (words.length > length && marked.size > 0) {
    // The window with the most matches; among equals, the one whose first match has about a
    // quarter of the window before it as context.
    let best = { hits: 0, offset: Infinity };
    for (let s = 0; s + length <= words.length; s++) {
      const inside = [...marked].filter((l) => l >= s && l < s + length);
      if (inside.length === 0) continue;
      const offset = Math.abs(Math.min(...inside) - s - Math.floor(length / 4));
      if (inside.length > best.hits || (inside.length === best.hits && offset < best.offset)) {
        best = { hits: inside.length, offset };
        start = s;
      }
    }
  }
  const end = Math.min(words.length, start + length);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  for (let i = start; i < end; i++) {
    if (i > start) push(' ', false);
    const word = words[i]!;
    if (!marked.has(i)) {
      push(word, false);
      continue;
    }
    // Mark the word, not the punctuation around it: “[managed] [competition]”.
    const [, before = '', core = '', after = ''] =
      /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word) ?? [];
    push(before, false);
    push(core, true);
    push(after, false);
  }
  if (end < words.length) push(' …', false);
  return parts;
}

/**
 * Orders results so that those containing the query as a phrase come first, each group keeping
 * Pagefind's order: "managed competition" ranks the passage that says it above one with both words apart.
 */
export function phraseFirst<T extends { id: string }>(
  results: readonly T[],
  phraseIds: ReadonlySet<string>,
): T[] {
  return [...results.filter((r) => phraseIds.has(r.id)), ...results.filter((r) => !phraseIds.has(r.id))];
}

/** Adds the words to highlight to a result URL, before its fragment: `…/?highlight=a&highlight=b#p-x`. */
export function withHighlight(url: string, words: readonly string[]): string {
  if (words.length === 0) return url;
  const hash = url.indexOf('#');
  const [path, fragment] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const params = new URLSearchParams();
  for (const word of words) params.append('highlight', word);
  return `${path}${path.includes('?') ? '&' : '?'}${params.toString()}${fragment}`;
}

/** Words for the result count: "1 passage", "3 passages", "No passage". */
export function countPassages(n: number): string {
  if (n === 0) return 'No passage';
  return `${n} passage${n === 1 ? '' : 's'}`;
}

/**
 * The sentence announced after a search. `missing` are query words no passage contains; they are
 * named so that a reader is not misled by results for the other words.
 */
export function resultSummary(input: {
  count: number;
  query: string;
  filtered: boolean;
  missing: readonly string[];
}): string {
  const { count, query, filtered, missing } = input;
  const subject = countPassages(count);
  const verb = count === 1 || count === 0 ? 'matches' : 'match';
  const what = query !== '' ? `“${query}”` : '';
  let sentence: string;
  if (query === '') sentence = `${subject} ${verb} the chosen filters.`;
  else if (filtered) sentence = `${subject} ${verb} ${what} with the chosen filters.`;
  else sentence = `${subject} ${verb} ${what}.`;
  if (missing.length > 0 && count > 0) {
    const names = missing.map((w) => `“${w}”`).join(', ');
    sentence += ` No passage mentions ${names}, so ${missing.length === 1 ? 'it was' : 'they were'} left out.`;
  }
  return sentence;
}
