/**
 * What the search index holds: one Pagefind custom record per passage, built from the open-data
 * export. Indexing passages rather than HTML pages means a passage shown on an analysis page, a
 * theme page and its commentary page is one result, and page chrome is never indexed.
 */
import type { openData } from './data';
import type { SiteModel } from './model';
import type { Facet } from './search';
import { paths } from './urls';

/** The open-data export as the build writes it to `data/commentaries.json`. */
export type OpenData = ReturnType<typeof openData>;

/** The language of every page and record: Pagefind picks the index matching `<html lang>`. */
export const SEARCH_LANGUAGE = 'en';

/** A Pagefind custom record (the shape `addCustomRecord` takes). */
export interface SearchRecord {
  /** The passage permalink relative to the site root; the browser prepends the base path (`baseUrl`). */
  url: string;
  /** The passage text: what is searched and what excerpts are cut from. */
  content: string;
  language: string;
  /** Searchable fields besides the text, each weighted in `RANKING.metaWeights`. */
  meta: { expert: string; question: string; themes: string };
  filters: Record<Facet, string[]>;
  /** Reading order (newest analysis first), used to list passages when there is no query. */
  sort: { order: string };
}

const root = paths('/');

/**
 * Builds one record per passage. Experts, themes and analyses are filtered by id (stable in URLs);
 * their names are what the search page shows. The analysis title is deliberately not searchable:
 * every passage of an analysis would match each of its words, which tells the passages apart not at all.
 */
export function searchRecords(data: OpenData): SearchRecord[] {
  const expertName = new Map(data.experts.map((e) => [e.id, e.name]));
  const themeTitle = new Map(data.themes.map((t) => [t.id, t.title]));
  let order = 0;
  return data.commentaries.flatMap((c) =>
    c.passages.map((p) => ({
      url: root.passage(c.id, p.id),
      content: p.text,
      language: SEARCH_LANGUAGE,
      meta: {
        expert: expertName.get(c.expert) ?? c.expert,
        question: c.question,
        themes: p.themes.map((id) => themeTitle.get(id) ?? id).join(', '),
      },
      filters: { expert: [c.expert], theme: [...p.themes], analysis: [c.analysis] },
      sort: { order: String(order++) },
    })),
  );
}

/** One value a reader can filter by: its id (in the URL and the index) and its label. */
export interface FacetOption {
  id: string;
  label: string;
}

/** The values of each facet in the site's order: experts by family name, themes by title, newest analysis first. */
export function facetOptions(
  site: Pick<SiteModel, 'experts' | 'themes' | 'analyses'>,
): Record<Facet, FacetOption[]> {
  return {
    expert: site.experts.map((e) => ({ id: e.id, label: e.name })),
    theme: site.themes.map((t) => ({ id: t.id, label: t.title })),
    analysis: site.analyses.map((a) => ({ id: a.id, label: a.title })),
  };
}
