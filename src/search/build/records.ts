/**
 * What the search index holds: one Pagefind record per commentary, one per analysis
 * introduction and one per theme (its title and terms), each an HTML document written for Pagefind alone (`addHTMLFile`), so that only
 * Pagefind's documented markup is used: `data-pagefind-filter` for the facets,
 * `data-pagefind-meta` for what a result shows, `data-pagefind-weight` for what counts more or
 * less, and an element with an `id` per passage, which Pagefind returns as `anchors` with their
 * word positions so that the browser places each match in its passage. A record per commentary
 * rather than per passage keeps Pagefind's metadata, which every first search loads, small.
 * A theme's title and terms are said once, in the theme's own record, rather than in every
 * commentary tagged with it: the search page finds the commentaries of a matched theme with the
 * `theme` filter, so theme words do not swell the index chunks every search of them loads.
 */
import { escapeHtml } from '../../util/escape.ts';
import type { Analysis, SiteModel } from '../../model/model.ts';
import { BOTTOM_LINE_META } from '../../model/summaries.ts';
import { plainText } from '../../outputs/open-data.ts';
import { formatPartialDate, type PartialDate } from '../../util/dates.ts';
import {
  DATE_FILTER,
  THEME_RECORD,
  analysisFilterValue,
  encodePassageThemes,
  type Facet,
} from '../shared/contract.ts';
import { paths } from '../../outputs/urls.ts';

export { RECORDS_FILE } from '../shared/bundle.mjs';

/** The language of every page and record: Pagefind picks the index matching `<html lang>`. */
export const SEARCH_LANGUAGE = 'en';

/** The records route's body (src/pages/search-records.json.ts): the records as JSON. */
export function recordsText(records: readonly SearchDocument[]): string {
  return JSON.stringify(records);
}

/**
 * The ids of a record's elements that are not passages (see `SECTION`). A passage's id is its
 * permalink anchor (`p-…`); a theme's terms are under `theme-<id>`.
 */
export const SECTION = {
  question: 'question',
  expert: 'expert',
  analysis: 'analysis',
  introduction: 'introduction',
  theme: 'theme',
} as const;

/**
 * Weights (`data-pagefind-weight`, 1 is body text, quadratic) of a record's parts. The question,
 * the expert's name and the analysis title weigh less than the passages, so that Pagefind itself
 * ranks a commentary whose passages say the words above one whose question alone does: the
 * search page lists those as whole commentaries, below the passages, and its first results then
 * need the data of only the first few records.
 */
export const WEIGHTS = { question: 0.5, expert: 0.5, analysis: 0.5 } as const;

/** A record for Pagefind's `addHTMLFile`: its root-relative URL and its HTML. */
export interface SearchDocument {
  /** Root-relative; the browser prepends the base path (`baseUrl`). */
  url: string;
  content: string;
}

const root = paths('/');

const meta = (key: string, value: string) =>
  `<meta data-pagefind-meta="${key}[content]" content="${escapeHtml(value)}">`;
const filter = (key: Facet | typeof DATE_FILTER, value: string) =>
  `<meta data-pagefind-filter="${key}[content]" content="${escapeHtml(value)}">`;
// The id is on an empty element before the text: Pagefind's anchors carry their element's own
// text, which would repeat every passage in each result's data.
const block = (id: string, text: string, weight?: number) =>
  `<a id="${escapeHtml(id)}"></a><p${weight === undefined ? '' : ` data-pagefind-weight="${weight}"`}>${escapeHtml(text)}</p>`;

/**
 * The value of a record's date in Pagefind's `DATE_FILTER`: the date as written, a space, the date
 * as a reader sees it (`2024-04 April 2024`), so that the search page needs no calendar of its own.
 */
export function dateFilterValue(date: PartialDate): string {
  return `${date.iso} ${formatPartialDate(date)}`;
}

/** A theme's searchable text: its title and its terms, without the `*` of a prefix term. */
export function themeText(theme: { title: string; terms?: readonly string[] }): string {
  const terms = (theme.terms ?? []).map((t) => t.replace(/\*/g, '')).filter((t) => t.trim() !== '');
  return [theme.title, ...terms].join('; ');
}

/** An analysis's introduction as plain text on one line, one paragraph after another. */
export function introductionText(analysis: Pick<Analysis, 'intro'>): string {
  return analysis.intro
    .map((b) => (b.kind === 'passage' ? b.text : plainText(b.html)))
    .filter((t) => t !== '')
    .join('\n')
    .replace(/\n/g, ' ');
}

/**
 * Builds the records from the site model: a commentary's question, expert and analysis title,
 * its passages (each under its own id); an analysis's introduction, under its title; a theme's
 * title and terms. Experts, themes and analyses are filters by id; a commentary and an
 * introduction also carry their analysis's year (a facet) and date (`dateFilterValue`: shown with
 * each result, and what the search page orders newest first by).
 */
export function searchDocuments(
  site: Pick<SiteModel, 'analyses' | 'experts' | 'themes' | 'commentaries'>,
): SearchDocument[] {
  const expertName = new Map(site.experts.map((e) => [e.id, e.name]));
  const themeOrder = site.themes.map((t) => t.id);
  const analyses = new Map(site.analyses.map((a) => [a.id, a]));
  const dated = (date: PartialDate) => [
    filter('year', String(date.year)),
    filter(DATE_FILTER, dateFilterValue(date)),
  ];
  const page = (head: string[], body: string[]) =>
    `<!doctype html><html lang="${SEARCH_LANGUAGE}"><head>${head.join('')}</head><body>${body.join('')}</body></html>`;

  const commentaries = site.commentaries.map((c) => {
    const tagged = [...new Set(c.passages.flatMap((p) => p.themes))];
    const analysis = analyses.get(c.analysis);
    if (!analysis) throw new Error(`Commentary ${c.id} names an analysis the data does not have.`);
    const analysisTitle = analysis.title;
    // The one meta key: each passage's themes as places in the site's theme list. Pagefind makes
    // metadata searchable, so no meta holds a word: the question, expert and analysis title are
    // read from the record's text (their sections, by id), a theme's title from the theme facet.
    const head = [
      meta('passages', encodePassageThemes(c.passages, themeOrder)),
      // An empty flag, no word: the result fetches the bottom line itself (summaries.ts).
      ...(c.bottomLine === undefined ? [] : [meta(BOTTOM_LINE_META, '')]),
      filter('expert', c.expert),
      filter('analysis', analysisFilterValue(c.analysis, analysisTitle)),
      ...tagged.map((id) => filter('theme', id)),
      ...dated(analysis.published),
    ];
    const body = [
      block(SECTION.question, c.question, WEIGHTS.question),
      block(SECTION.expert, expertName.get(c.expert) ?? c.expert, WEIGHTS.expert),
      block(SECTION.analysis, analysisTitle, WEIGHTS.analysis),
      ...c.passages.map((p) => block(p.id, p.text)),
    ];
    return { url: root.commentary(c.id), content: page(head, body) };
  });

  const introductions = site.analyses.flatMap((a) => {
    const introduction = introductionText(a);
    if (introduction.trim() === '') return [];
    const head = [filter('analysis', analysisFilterValue(a.id, a.title)), ...dated(a.published)];
    const body = [
      block(SECTION.analysis, a.title, WEIGHTS.analysis),
      block(SECTION.introduction, introduction),
    ];
    return [{ url: `${root.analysis(a.id)}#${SECTION.introduction}`, content: page(head, body) }];
  });

  const themeRecords = site.themes.map((t) => {
    const head = [
      `<meta data-pagefind-filter="${THEME_RECORD.filter}[content]" content="${THEME_RECORD.value}">`,
    ];
    return { url: root.theme(t.id), content: page(head, [block(SECTION.theme, themeText(t))]) };
  });

  return [...commentaries, ...introductions, ...themeRecords];
}

/** One value a reader can filter by: its id (in the URL and the index) and its label. */
export interface FacetOption {
  id: string;
  label: string;
}

/**
 * The experts and themes a reader can filter by, in the site's order (experts by family name,
 * themes by title). Analyses and years are not listed on the page: they grow with the archive, so
 * the page shows the analyses and years the results come from, from Pagefind's counts.
 */
export function facetOptions(
  site: Pick<SiteModel, 'experts' | 'themes'>,
): Record<'expert' | 'theme', FacetOption[]> {
  return {
    expert: site.experts.map((e) => ({ id: e.id, label: e.name })),
    theme: site.themes.map((t) => ({ id: t.id, label: t.title })),
  };
}
