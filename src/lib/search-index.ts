/**
 * What the search index holds: one Pagefind custom record per passage, built from the open-data
 * export. Indexing passages rather than HTML pages means a passage shown on an analysis page, a
 * theme page and its commentary page is one result, and page chrome is never indexed.
 */
import type { openData } from './data';
import type { SiteModel } from './model';
import { FACETS, emptyFilters, idsChecksum, type Facet, type FacetFile } from './search';
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
  // No filters and no sort: the facets are in the facet file (see `FacetFile`), because Pagefind
  // would load every filter's values on the first search (41 KB at 1,000 commentaries) to count
  // them, and a sort would add a position per record to the metadata every search loads (9 KB).
  // Records are given in reading order (newest analysis first), the order `search(null)` lists them in.
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
    })),
  );
}

/** Each passage's facet values by id, keyed by its permalink (the record's `url`). */
export function passageFacets(data: OpenData): Map<string, Record<Facet, string[]>> {
  const facets = new Map<string, Record<Facet, string[]>>();
  for (const c of data.commentaries) {
    for (const p of c.passages) {
      facets.set(root.passage(c.id, p.id), {
        expert: [c.expert],
        theme: [...p.themes],
        analysis: [c.analysis],
      });
    }
  }
  return facets;
}

/**
 * The facet file the search page filters and counts with (see `FacetFile`): each facet's values
 * once, and a row per record in `order`, the order the records were given to Pagefind, which is
 * the order its index keeps them in. `ids` (permalink → result id, read from the written index)
 * gives the checksum the browser verifies. Throws when a record has no facet values or no id, or
 * an id belongs to no record: the file must cover the index exactly.
 */
export function facetFile(
  order: readonly string[],
  facets: ReadonlyMap<string, Record<Facet, readonly string[]>>,
  ids: ReadonlyMap<string, string>,
): FacetFile {
  const values = emptyFilters();
  const position = new Map<string, number>();
  const indexOf = (facet: Facet, value: string) => {
    const key = `${facet}\u0000${value}`;
    let at = position.get(key);
    if (at === undefined) {
      at = values[facet].push(value) - 1;
      position.set(key, at);
    }
    return at;
  };
  const listed = new Set(order);
  for (const url of ids.keys()) {
    if (!listed.has(url)) throw new Error(`The search index holds ${url}, which is no passage.`);
  }
  for (const url of facets.keys()) {
    if (!listed.has(url)) throw new Error(`The passage ${url} has facet values but no search record.`);
  }
  const rows = order.map((url) => {
    const id = ids.get(url);
    if (id === undefined) throw new Error(`The search index has no record for ${url}.`);
    const chosen = facets.get(url);
    if (chosen === undefined) throw new Error(`The passage ${url} has no facet values.`);
    return { id, chosen };
  });
  const passages = {} as Record<Facet, string>;
  for (const facet of FACETS) {
    passages[facet] = rows
      .map(({ chosen }) => chosen[facet].map((value) => indexOf(facet, value).toString(36)).join('.'))
      .join(',');
  }
  const inOrder = rows.map(({ id }) => id);
  return { values, records: rows.length, checksum: idsChecksum(inOrder), passages };
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
