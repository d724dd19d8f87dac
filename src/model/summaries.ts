/**
 * The editors' summaries: a commentary's bottom line and an analysis's takeaways. Each is one
 * plain sentence in the editors' own words, shown where a reader decides what to read (the
 * analysis, commentary, theme and expert pages, search results, feeds, open data). This module
 * holds the rules the content check applies to them and the small derivations the pages need.
 */
import { parseAnalysisFilterValue } from '../search/shared/contract.ts';

/** The longest bottom line: one sentence of about fifty words, the length a search result or a link preview still shows whole. */
export const BOTTOM_LINE_MAX = 300;

/** The longest takeaway: a short sentence of about thirty words, so that five of them read at a glance. */
export const TAKEAWAY_MAX = 200;

/** The most takeaways an analysis may have: more is a second introduction, not a summary. */
export const TAKEAWAYS_MAX = 5;

// Abbreviations after which a full stop and a capital do not start a new sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'gen',
  'col',
  'lt',
  'sen',
  'rep',
  'gov',
  'pres',
  'jr',
  'sr',
  'no',
  'vs',
  'etc',
  'e.g',
  'i.e',
]);

/** Whether a word ending in a full stop is an abbreviation (`U.S.`, `Mr.`) rather than a sentence's end. */
function isAbbreviation(word: string): boolean {
  const bare = word.replace(/^[("“‘'«]+/u, '').replace(/\.$/, '');
  return /^(?:\p{L}\.)+\p{L}$/u.test(bare) || /^\p{Lu}$/u.test(bare) || ABBREVIATIONS.has(bare.toLowerCase());
}

/** How many sentences a text holds: a `.`, `?` or `!` followed by a space and a capital or digit ends one, except after an abbreviation. */
export function sentenceCount(text: string): number {
  let count = 1;
  for (const match of text.matchAll(/(\S*)[.?!]["”’)]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu)) {
    const [whole, word = ''] = match;
    if (whole.trimEnd().endsWith('.') && isAbbreviation(`${word}.`)) continue;
    count += 1;
  }
  return count;
}

const QUOTE_OPEN = /^["“‘'«„]/u;
const QUOTE_CLOSE = /["”’'»“][.?!]?$/u;

/**
 * What is wrong with one summary sentence (a bottom line or a takeaway), in words for the editor,
 * or nothing. It must be one plain sentence of at most `max` characters, ending with its full
 * stop, without links or markup (it is shown as plain text everywhere), and not wrapped in
 * quotation marks: a summary is the editors' words, never the expert's presented as a quote.
 */
export function summaryProblem(text: string, max: number): string | undefined {
  const value = text.trim();
  if (value === '') return undefined; // `must not be empty` is the schema's own message.
  if (value.length > max)
    return `is ${value.length} characters long: keep it to one sentence of at most ${max} characters`;
  if (/\[[^\]]*\]\([^)]*\)/.test(value) || /\bhttps?:\/\/|\bwww\./i.test(value))
    return 'must be plain text without links or addresses: the reader follows the page, not the summary';
  if (/<\/?[a-z!]/i.test(value) || /(\*\*|__|`)/.test(value))
    return 'must be plain text: it is shown as written, so HTML and markdown marks (**, __, `) would show';
  if (QUOTE_OPEN.test(value) && QUOTE_CLOSE.test(value))
    return 'is wrapped in quotation marks: write it in the editors’ own words, without the marks (a summary never presents the expert’s words as a quote)';
  if (!/[.?!]["”’)]*$/u.test(value)) return 'must be a sentence: end it with a full stop';
  const sentences = sentenceCount(value);
  if (sentences > 1) return `holds ${sentences} sentences: make it one sentence`;
  return undefined;
}

/** Items of a list paired with the bottom line to show beside them: only the first item of each commentary carries it. */
export function bottomLineOnce<T extends { commentary: { id: string; bottomLine?: string | undefined } }>(
  items: readonly T[],
): (T & { bottomLine?: string })[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const { id, bottomLine } = item.commentary;
    if (seen.has(id) || bottomLine === undefined) return item;
    seen.add(id);
    return { ...item, bottomLine };
  });
}

/** A commentary page's description: its bottom line when it has one, otherwise who answers what, where. */
export function commentaryDescription(
  commentary: { question: string; bottomLine?: string | undefined },
  expertName: string,
  analysisTitle: string,
): string {
  return commentary.bottomLine ?? `${expertName} answers “${commentary.question}” in “${analysisTitle}”.`;
}

/**
 * The meta key that marks a search record whose commentary has a bottom line. Its value is empty:
 * Pagefind makes metadata searchable, so it holds no word, and the bottom line itself is fetched
 * from `data/bottom-lines/<analysis>.json` only for results that show it.
 */
export const BOTTOM_LINE_META = 'bottomLine';

/** The bottom lines of one analysis's commentaries, by commentary id: the file search results fetch. */
export function bottomLinesFile(commentaries: readonly { id: string; bottomLine?: string | undefined }[]): {
  bottomLines: Record<string, string>;
} {
  const bottomLines: Record<string, string> = {};
  for (const c of commentaries) if (c.bottomLine !== undefined) bottomLines[c.id] = c.bottomLine;
  return { bottomLines };
}

/**
 * Where a search record's bottom line is, if it has one: its analysis (the file to fetch) and its
 * commentary id (`<analysis>/<expert>`, from the record's filters).
 */
export function bottomLineSource(record: {
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}): { analysis: string; commentary: string } | undefined {
  if (record.meta[BOTTOM_LINE_META] === undefined) return undefined;
  const value = record.filters?.analysis?.[0];
  const analysis = value === undefined ? undefined : parseAnalysisFilterValue(value).id;
  const expert = record.filters?.expert?.[0];
  return analysis && expert ? { analysis, commentary: `${analysis}/${expert}` } : undefined;
}
