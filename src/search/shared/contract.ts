/**
 * The search page's logic that does not touch the DOM: the state kept in the URL, the filters
 * and ranking handed to Pagefind, and the shaping of its results.
 */

/**
 * The facets a reader can narrow by, by id: Pagefind filters of the same names (see src/search/build/records.ts).
 * A year's id is the year itself (`2024`).
 */
export const FACETS = ['expert', 'theme', 'analysis', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** The orders a reader can list results in: Pagefind's relevance (the default), or newest first. */
export const SORTS = ['relevance', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

/** What a reader asked for: a query, per facet the ids they chose, and the order of the results. */
export interface SearchState {
  q: string;
  filters: Record<Facet, string[]>;
  sort: Sort;
}

/**
 * Pagefind's filter that holds a record's publication date: the date as written and as a reader
 * sees it (`dateFilterValue` in src/search/build/records.ts: `2024-04 April 2024`), shown with each result and
 * what results are ordered newest first by. Not a facet: the page reads its values from Pagefind's
 * counts, so it lists no date itself.
 */
export const DATE_FILTER = 'published';

/** The date as written (`2024-04`) and as shown (`April 2024`) of a `DATE_FILTER` value. */
export function parseDateFilterValue(value: string): { iso: string; label: string } {
  const { id, title } = parseAnalysisFilterValue(value);
  return { iso: id, label: title };
}

/**
 * The `DATE_FILTER` values a search's results have, from Pagefind's counts, newest first: a less
 * precise date after the more precise ones it contains (`2024-04` after `2024-04-26`, `2024` after
 * `2024-01`). Values without results are left out. Dates are compared as written: `YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD`, checked by the build.
 */
export function newestDates(counts: Readonly<Record<string, number>>): string[] {
  // The start of its period, then its precision (0 a year, 1 a month, 2 a day): the more precise first.
  const key = (value: string) => {
    const iso = value.split(' ')[0]!;
    return `${`${iso}-01-01`.slice(0, 10)}${(iso.length - 4) / 3}`;
  };
  return Object.keys(counts)
    .filter((value) => counts[value]! > 0)
    .sort((a, b) => key(b).localeCompare(key(a)));
}

/** Pagefind's ranking, tuned for records that are commentaries of a few paragraphs (see each line). */
export const RANKING = {
  // Prefer a word close in length to the query over a long extension of it: "AI" should rank
  // "AI governance" above "aimed" and "aims", which Pagefind also matches as prefixes.
  termSimilarity: 2,
  // A commentary's length says little about relevance; the default (0.75) lets a short
  // commentary that mentions a word once beat one that discusses the subject at length.
  pageLength: 0.5,
  // A paragraph that returns to a word several times is about it, but not without limit.
  termSaturation: 1.2,
  // The weights of the question, the expert's name and the themes are in the records themselves
  // (`WEIGHTS` in src/search/build/records.ts), with Pagefind's documented data-pagefind-weight.
} as const;

/** How many words of a passage a result shows around the matches. */
export const EXCERPT_WORDS = 36;

/** How many results the page shows at first, and adds with each "Show more results". */
export const PAGE_SIZE = 10;

/**
 * The filter only theme records carry (`record: theme`, see src/search/build/records.ts): the search page asks
 * for the themes a query matches with it, and tells them apart from the commentaries.
 */
export const THEME_RECORD = { filter: 'record', value: 'theme' } as const;

/** No value chosen in any facet; also the shape of anything kept per facet. */
export const emptyFilters = (): Record<Facet, string[]> => ({
  expert: [],
  theme: [],
  analysis: [],
  year: [],
});

/**
 * Reads the state from a query string (`?q=…&expert=…&theme=…&analysis=…&year=…&sort=newest`);
 * unknown keys and orders are ignored.
 */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptyFilters();
  for (const facet of FACETS) {
    filters[facet] = [...new Set(params.getAll(facet).filter((v) => v.trim() !== ''))];
  }
  const sort = SORTS.find((o) => o === params.get('sort')) ?? 'relevance';
  return { q: (params.get('q') ?? '').trim(), filters, sort };
}

/** Writes the state as a query string, without empty parts or the default order; the inverse of `parseSearchState`. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const facet of FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** True when the reader chose at least one filter. */
export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state.filters[facet].length > 0);
}

/** The theme a theme page's URL (`…/themes/<id>/`, a theme record's) is about. */
export function themeOfUrl(url: string): string | undefined {
  const match = /\/themes\/([^/?#]+)\/(?:[?#]|$)/.exec(url);
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

/** Words for the result count: "1 result", "3 results", "No result". */
export function countResults(n: number): string {
  if (n === 0) return 'No result';
  return `${n} result${n === 1 ? '' : 's'}`;
}

/**
 * The sentence announced after a search. `missing` are query words no passage contains; they are
 * named so that a reader is not misled by results for the other words. `themes` are the titles of
 * the themes whose name or terms the query matched: their passages are listed after those that say
 * the words, or alone (`themedOnly`, and then `count` counts them) when no text says the words.
 */
export function resultSummary(input: {
  count: number;
  query: string;
  filtered: boolean;
  missing: readonly string[];
  themes?: readonly string[];
  themedOnly?: boolean;
}): string {
  const { count, query, filtered, missing, themes = [], themedOnly = false } = input;
  const subject = countResults(count);
  const verb = count === 1 || count === 0 ? 'matches' : 'match';
  const what = query !== '' ? `“${query}”` : '';
  const named = themes.join(', ');
  let sentence: string;
  if (query === '') sentence = `${subject} ${verb} the chosen filters.`;
  else if (themedOnly && themes.length > 0 && count > 0)
    sentence = `${subject} ${verb} “${query}” by ${themes.length === 1 ? 'a theme' : 'their themes'}: ${named}${filtered ? ', with the chosen filters' : ''}.`;
  else if (filtered) sentence = `${subject} ${verb} ${what} with the chosen filters.`;
  else sentence = `${subject} ${verb} ${what}.`;
  if (missing.length > 0 && count > 0) {
    const names = missing.map((w) => `“${w}”`).join(', ');
    sentence += ` Nothing mentions ${names}, so ${missing.length === 1 ? 'it was' : 'they were'} left out.`;
  }
  if (!themedOnly && count > 0 && themes.length > 0) sentence += ` Then passages tagged with ${named}.`;
  return sentence;
}

/**
 * The value of an analysis in Pagefind's `analysis` filter: its id, a space, its title. The URL
 * holds the id; the title labels the facet, which lists only the analyses the results come from,
 * so the page needs no list of every analysis.
 */
export function analysisFilterValue(id: string, title: string): string {
  return `${id} ${title}`;
}

/** The id and title of an `analysisFilterValue`. */
export function parseAnalysisFilterValue(value: string): { id: string; title: string } {
  const space = value.indexOf(' ');
  return space === -1
    ? { id: value, title: value }
    : { id: value.slice(0, space), title: value.slice(space + 1) };
}

/**
 * Pagefind's `filters` for a state: values of one facet widen (`any`), facets narrow each other.
 * `without` leaves one facet out, to count what choosing another of its values would give.
 * `analyses` are the analysis filter's values Pagefind knows (`analysisFilterValue`), to find a
 * chosen id's value; an id no value has keeps itself, and so matches nothing.
 */
export function pagefindFilters(
  state: SearchState,
  analyses: readonly string[],
  without?: Facet,
): Record<string, { any: string[] }> {
  const byId = new Map(analyses.map((v) => [parseAnalysisFilterValue(v).id, v]));
  const filters: Record<string, { any: string[] }> = {};
  for (const facet of FACETS) {
    const chosen = state.filters[facet];
    if (facet === without || chosen.length === 0) continue;
    filters[facet] = { any: facet === 'analysis' ? chosen.map((id) => byId.get(id) ?? id) : [...chosen] };
  }
  return filters;
}

/** An element with an id in a record, as Pagefind reports it (`anchors`): where its words start. */
export interface Anchor {
  id: string;
  location: number;
}

/** A part of a record's text: the element `id`, from word `start` up to (not including) `end`. */
export interface Section {
  id: string;
  start: number;
  end: number;
}

/** Cuts a record of `wordCount` words into its sections: each element with an id runs to the next one. */
export function sections(anchors: readonly Anchor[], wordCount: number): Section[] {
  const sorted = anchors.filter((a) => a.id !== '').sort((a, b) => a.location - b.location);
  return sorted.map((a, i) => ({
    id: a.id,
    start: a.location,
    end: Math.max(a.location, i + 1 < sorted.length ? sorted[i + 1]!.location : wordCount),
  }));
}

/** A passage (or introduction) that says a searched word: its id, matches and how many query words it has. */
export interface PassageHit {
  id: string;
  /** Match locations, counted from the passage's first word. */
  locations: number[];
  /** How many of the query's words it contains. */
  words: number;
}

/** What one record matched: passages saying the words, themes whose names or terms did, and other parts. */
export interface RecordMatch {
  passages: PassageHit[];
  themes: string[];
  /** The other sections that matched: question, expert, analysis. */
  fields: string[];
}

/** Whether a section id is a passage's (`p-…`) or an introduction: a text a result can open. */
export const isPassageSection = (id: string) => id.startsWith('p-') || id === 'introduction';

/**
 * Where a quoted phrase's words stand together in `words`: the
 * location of every word of each occurrence. Pagefind reports only some occurrences of a phrase,
 * so the page finds them itself to know which passages say it.
 */
export function phraseLocations(words: readonly string[], phrase: readonly string[]): number[] {
  const found: number[] = [];
  if (phrase.length === 0) return found;
  // Exact words, as Pagefind matches a quoted phrase: a word's folded form begins with the query
  // word's ("face-to-face;" for "face-to-face"), not merely its first letters ("face").
  const wanted = phrase.map(foldWord);
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (wanted.every((q, j) => q !== '' && foldWord(words[i + j]!).startsWith(q))) {
      for (let j = 0; j < phrase.length; j++) found.push(i + j);
    }
  }
  return found;
}

/**
 * Places a record's match `locations` (Pagefind's, over its whole text) in its sections, keeping
 * only the words the reader asked for (`matchesQuery`); for a `phrase` (a quoted query), every place
 * the words stand together instead (`phraseLocations`). `themePrefix` marks the sections that hold
 * a theme's title and terms.
 */
export function matchRecord(
  content: string,
  anchors: readonly Anchor[],
  pagefindLocations: readonly number[],
  query: readonly string[],
  { phrase = false, themePrefix = 'theme-' }: { phrase?: boolean; themePrefix?: string } = {},
): RecordMatch {
  const words = pagefindWords(content);
  const locations = phrase ? phraseLocations(words, query) : pagefindLocations;
  const parts = sections(anchors, words.length);
  const match: RecordMatch = { passages: [], themes: [], fields: [] };
  const folded = query.map(foldWord).filter(Boolean);
  for (const part of parts) {
    const inside = [...new Set(locations)]
      .filter((l) => l >= part.start && l < part.end)
      .sort((a, b) => a - b)
      .filter((l) => matchesQuery(words[l] ?? '', folded));
    if (inside.length === 0) continue;
    if (isPassageSection(part.id)) {
      const said = new Set(
        inside.map((l) => folded.findIndex((q) => matchesQuery(words[l] ?? '', [q]))).filter((i) => i >= 0),
      );
      match.passages.push({ id: part.id, locations: inside.map((l) => l - part.start), words: said.size });
    } else if (part.id.startsWith(themePrefix)) match.themes.push(part.id.slice(themePrefix.length));
    else match.fields.push(part.id);
  }
  return match;
}

/**
 * Pagefind makes a record's metadata searchable too, so a record's `passages` meta says no word:
 * each passage's themes, in reading order, as their places in the site's list of themes
 * (`0+3 - 2`: the first passage has the first and fourth themes, the second none). Written by
 * src/search/build/records.ts, read by the search page with the theme list of its facet.
 */
export function encodePassageThemes(
  passages: readonly { themes: readonly string[] }[],
  themeOrder: readonly string[],
): string {
  const place = new Map(themeOrder.map((id, i) => [id, i]));
  return passages
    .map((p) => {
      const places = p.themes.map((t) => place.get(t)).filter((i) => i !== undefined);
      return places.length === 0 ? '-' : places.join('+');
    })
    .join(' ');
}

/** Reads `encodePassageThemes`'s meta back into passage id → theme ids, for the passages in reading order. */
export function decodePassageThemes(
  meta: string,
  passageIds: readonly string[],
  themeOrder: readonly string[],
): Map<string, string[]> {
  const entries = meta.split(' ').filter((e) => e !== '');
  return new Map(
    passageIds.map((id, i) => {
      const entry = entries[i] ?? '-';
      const themes =
        entry === '-'
          ? []
          : entry
              .split('+')
              .map((n) => themeOrder[Number(n)])
              .filter((t): t is string => t !== undefined);
      return [id, themes];
    }),
  );
}

/** One line of the result list: a passage, the rest of a commentary's passages, or a whole commentary. */
export type ResultItem =
  | { kind: 'passage'; record: number; passage: string }
  | { kind: 'themed'; record: number; passage: string }
  | { kind: 'more'; record: number; rest: { kind: 'passage' | 'themed'; passage: string }[] }
  | { kind: 'commentary'; record: number };

/** What `arrange` needs of a record: what it matched and its passages' themes, in reading order. */
export interface ArrangeInput {
  match: RecordMatch;
  passageThemes: ReadonlyMap<string, readonly string[]>;
}

/** How many passages of one record are listed before the next record's. */
export const PER_RECORD = 2;

/**
 * Orders the results of a search, records in Pagefind's order (`records`, the loaded ones):
 * 1. passages that say a searched word, the best two of each record (most query words, then most
 *    matches, then reading order; only passages with as many query words as its best one), the
 *    others behind a "more" line;
 * 2. then passages tagged with a theme whose name or terms matched, two per record likewise;
 * 3. then, once each, records whose only match is their question, expert or analysis title.
 * Groups 2 and 3 come only when `complete` (every result loaded), so that they stay below group 1.
 */
export function arrange(records: readonly ArrangeInput[], complete: boolean, per = PER_RECORD): ResultItem[] {
  const items: ResultItem[] = [];
  const group = (record: number, kind: 'passage' | 'themed', ids: string[], lead: number) => {
    ids.slice(0, lead).forEach((passage) => items.push({ kind, record, passage }));
    const rest = ids.slice(lead).map((passage) => ({ kind, passage }));
    if (rest.length > 0) items.push({ kind: 'more', record, rest });
  };
  records.forEach(({ match }, record) => {
    if (match.passages.length === 0) return;
    const ranked = [...match.passages].sort(
      (a, b) => b.words - a.words || b.locations.length - a.locations.length,
    );
    const best = ranked.filter((p) => p.words === ranked[0]!.words).length;
    group(
      record,
      'passage',
      ranked.map((p) => p.id),
      Math.min(per, best),
    );
  });
  if (!complete) return items;
  records.forEach(({ match, passageThemes }, record) => {
    if (match.themes.length === 0) return;
    const said = new Set(match.passages.map((p) => p.id));
    const tagged = [...passageThemes]
      .filter(([id, themes]) => !said.has(id) && themes.some((t) => match.themes.includes(t)))
      .map(([id]) => id);
    group(record, 'themed', tagged, per);
  });
  records.forEach(({ match }, record) => {
    const listed = items.some((i) => i.record === record);
    if (!listed && match.fields.length > 0) items.push({ kind: 'commentary', record });
  });
  return items;
}

/**
 * The passages a record shows when browsing by facet without a query: every passage, or with
 * themes chosen, those tagged with one of them.
 */
export function browseMatch(
  passageThemes: ReadonlyMap<string, readonly string[]>,
  themes: readonly string[],
): RecordMatch {
  const passages = [...passageThemes]
    .filter(([, tagged]) => themes.length === 0 || tagged.some((t) => themes.includes(t)))
    .map(([id]) => ({ id, locations: [], words: 0 }));
  return { passages, themes: [], fields: [] };
}

/**
 * Adds to a record's match the themes a query matched (by their title or terms, in the themes' own
 * records) that the record's passages are tagged with: `arrange` lists those passages after the
 * ones that say the words.
 */
export function withMatchedThemes(
  match: RecordMatch,
  passageThemes: ReadonlyMap<string, readonly string[]>,
  matched: readonly string[],
): RecordMatch {
  const tagged = new Set([...passageThemes.values()].flat());
  return { ...match, themes: matched.filter((t) => tagged.has(t)) };
}

/** Keeps, with themes chosen, only the passages tagged with one of them. */
export function withinThemes(
  match: RecordMatch,
  passageThemes: ReadonlyMap<string, readonly string[]>,
  themes: readonly string[],
): RecordMatch {
  if (themes.length === 0) return match;
  const tagged = (id: string) =>
    (passageThemes.get(id) ?? []).some((t) => themes.includes(t)) || id === 'introduction';
  return {
    ...match,
    passages: match.passages.filter((p) => tagged(p.id)),
    themes: match.themes.filter((t) => themes.includes(t)),
  };
}

/** The words of `content` from word `start` to `end`, joined as Pagefind counts them. */
export function sectionText(content: string, section: Pick<Section, 'start' | 'end'>): string {
  return pagefindWords(content).slice(section.start, section.end).join(' ');
}
