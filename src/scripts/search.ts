/**
 * The search page: runs Pagefind in the browser and keeps the query and filters in the URL.
 * Loaded only by the search page. Everything a reader typed reaches the page as text
 * (`textContent`, `value`, URL parameters), never as markup.
 */
import {
  EXCERPT_WORDS,
  emptyFilters,
  PAGE_SIZE,
  RANKING,
  excerptParts,
  facetCounts,
  facetFileName,
  idsChecksum,
  filterResults,
  hasFilters,
  isQuoted,
  parseSearchState,
  pagefindQuery,
  passageAnalysis,
  phraseFirst,
  queryWords,
  readFacetFile,
  relevantLocations,
  resultSummary,
  searchQueryString,
  withHighlight,
  wordFound,
  wordsAt,
  type Facet,
  type FacetCounts,
  type FacetFile,
  type FacetValues,
  type SearchState,
} from '../lib/search';
import { urls } from '../lib/urls';

/** The part of Pagefind's browser API this page uses (pagefind.js ships no types). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null): Promise<Found>;
}
interface Found {
  results: Hit[];
}
interface Hit {
  id: string;
  /** Where the query's words are in the passage's text. */
  words: number[];
  data(): Promise<Passage>;
}
/**
 * A passage's data. Pagefind keeps one object per passage and rewrites its match locations on
 * every data() call, so concurrent searches would see each other's: this page reads the
 * locations from its own `Hit.words` instead.
 */
interface Passage {
  url: string;
  content: string;
  meta: Record<string, string>;
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);

function start(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const failure = root.querySelector<HTMLElement>('[data-search-error]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-search-clear]')!;
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const label = (facet: string, id: string) =>
    boxes.find((b) => b.name === facet && b.value === id)?.dataset.label ?? id;
  const baseTitle = document.title;

  root.hidden = false;
  const unavailable = document.querySelector<HTMLElement>('[data-search-unavailable]');
  if (unavailable) unavailable.hidden = true;
  const pagefind = loadPagefind();
  let loaded = false;
  pagefind.then(
    () => (loaded = true),
    () => undefined,
  );
  // Every passage, in reading order (a search with no query): listed once, for browsing by filter
  // and to match the facet file's rows to result ids.
  let everyLoad: Promise<Found> | undefined;
  const everyPassage = () => {
    everyLoad ??= pagefind
      .then((pf) => pf.search(null))
      .catch((error: unknown) => {
        everyLoad = undefined;
        throw error;
      });
    return everyLoad;
  };
  // Each passage's facet values: loaded once, after the first results unless filters need them first.
  let facetsLoad: Promise<Map<string, FacetValues>> | undefined;
  const facetData = () => {
    facetsLoad ??= loadFacets(everyPassage()).catch((error: unknown) => {
      // The network may come back; a file that does not fit the index will not.
      if (!(error instanceof FacetsUnavailable)) facetsLoad = undefined;
      throw error;
    });
    return facetsLoad;
  };
  /** Says that search failed (or, with filters, that filtering did) and offers browsing instead. */
  const unavailableSearch = (error: unknown, filtered = false) => {
    console.error('Search:', error);
    status.textContent = filtered
      ? 'Filtering is unavailable right now: clear the filters to search every passage.'
      : `Search could not load: ${error instanceof Error ? error.message : String(error)}.`;
    failure.hidden = false;
    // Results of an earlier search would pass for this one's.
    list.replaceChildren();
    more.hidden = true;
  };

  /** The state the form shows. */
  const formState = (): SearchState => {
    const filters = emptyFilters();
    for (const box of boxes) if (box.checked) filters[box.name as Facet].push(box.value);
    return { q: input.value.trim(), filters };
  };

  /** Shows a state in the form. Filter values the page does not offer are dropped. */
  const showState = (state: SearchState) => {
    input.value = state.q;
    for (const box of boxes) box.checked = state.filters[box.name as Facet].includes(box.value);
  };

  let ticket = 0;
  let shown: { hits: Hit[]; words: string[]; next: number } = { hits: [], words: [], next: 0 };

  /** Runs a search for the state and shows its results, unless a newer search started meanwhile. */
  async function run(state: SearchState): Promise<void> {
    const mine = ++ticket;
    const current = () => mine === ticket;
    clear.hidden = !hasFilters(state);
    document.title = state.q ? `${state.q} – ${baseTitle}` : baseTitle;
    if (!loaded) status.textContent = 'Loading search…';
    let pf: Pagefind;
    try {
      pf = await pagefind;
    } catch (error) {
      unavailableSearch(error);
      return;
    }

    if (state.q === '' && !hasFilters(state)) {
      if (!(await showResults([], [], current))) return;
      status.textContent = 'Type a word or a phrase, or choose an expert, a theme or an analysis.';
      await fillCounts(null, state, current);
      return;
    }

    // This search's Pagefind queries, each run once: a one-word query is also the word checked by `understand`.
    const searches = new Map<string, Promise<Found>>();
    const search = (q: string) => {
      let found = searches.get(q);
      if (!found) searches.set(q, (found = pf.search(q)));
      return found;
    };
    const { query, missing } = await understand(search, state.q);
    if (!current()) return;
    if (query === '') {
      // Every word of the query is absent from the passages: nothing matches, whatever the filters.
      showCounts({ expert: {}, theme: {}, analysis: {} });
      if (!(await showResults([], [], current))) return;
      status.textContent = resultSummary({ count: 0, query: state.q, filtered: hasFilters(state), missing });
      return;
    }

    const words = query === null ? [] : queryWords(query);
    let searched: [Found, Found | null, Map<string, FacetValues> | null];
    let filtering = false; // whether a failure came from the facet file
    try {
      searched = await Promise.all([
        // With no query, Pagefind lists every passage in reading order; the filters then narrow them.
        query === null ? everyPassage() : search(pagefindQuery(query)),
        query !== null && !isQuoted(query) && words.length > 1
          ? search(`"${words.join(' ')}"`)
          : Promise.resolve(null),
        // Filters need each passage's values before anything is shown; a plain query shows its
        // results first and loads them for the counts afterwards.
        hasFilters(state)
          ? facetData().catch((error: unknown) => {
              filtering = true;
              throw error;
            })
          : Promise.resolve(null),
      ]);
    } catch (error) {
      if (current()) unavailableSearch(error, filtering);
      return;
    }
    if (!current()) return;
    const [found, phrase, facets] = searched;
    const ranked = phrase
      ? phraseFirst(found.results, new Set(phrase.results.map((r) => r.id)))
      : found.results;
    const hits = facets ? filterResults(ranked, facets, state) : ranked;
    if (!(await showResults(hits, words, current))) return;
    status.textContent = resultSummary({
      count: hits.length,
      query: state.q,
      filtered: hasFilters(state),
      missing,
    });
    await fillCounts(
      found.results.map((r) => r.id),
      state,
      current,
    );
  }

  /**
   * Counts what each filter value would give among the results `ids` (null: every passage), once
   * the facet file is loaded. Without it, the counts are left as they were: search still works.
   */
  async function fillCounts(ids: string[] | null, state: SearchState, current: () => boolean): Promise<void> {
    // Results first: the facet file is asked for in a later task, once they are on the page.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!current()) return;
    let facets: Map<string, FacetValues>;
    try {
      facets = await facetData();
    } catch {
      return;
    }
    if (!current()) return;
    showCounts(facetCounts(ids ?? [...facets.keys()], facets, state));
  }

  /** Updates each filter's count; values that would add nothing are dimmed (but stay usable). */
  function showCounts(counts: FacetCounts): void {
    for (const box of boxes) {
      const n = counts[box.name as Facet]?.[box.value] ?? 0;
      const holder = box.closest('label')!;
      const count = holder.querySelector<HTMLElement>('[data-count]')!;
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = n === 1 ? ' passage' : ' passages';
      count.replaceChildren(String(n), hidden);
      holder.toggleAttribute('data-empty', n === 0 && !box.checked);
    }
  }

  /** Replaces the result list with the first page of hits; false if a newer search took over meanwhile. */
  async function showResults(hits: Hit[], words: string[], current: () => boolean): Promise<boolean> {
    const items = await renderPage(hits, words, 0);
    if (!current()) return false;
    shown = { hits, words, next: items.length };
    failure.hidden = true; // an earlier search may have failed; this one did not
    list.replaceChildren(...items);
    more.hidden = shown.next >= hits.length;
    return true;
  }

  /** Loads and renders up to a page of results, from the `from`-th. */
  async function renderPage(hits: Hit[], words: string[], from: number): Promise<HTMLLIElement[]> {
    const page = hits.slice(from, from + PAGE_SIZE);
    const passages = await Promise.all(page.map((hit) => hit.data()));
    return passages.map((passage, i) =>
      resultItem(passage, relevantLocations(passage.content, page[i]!.words, words), from + i),
    );
  }

  /**
   * One result: who said it and in answer to what, the excerpt as the link, and its themes.
   * `locations` are the matched words to mark, here and on the page the link opens.
   */
  function resultItem(passage: Passage, locations: number[], n: number): HTMLLIElement {
    const item = document.createElement('li');
    const context = document.createElement('p');
    context.className = 'context';
    context.id = `result-${n}`;
    const expert = document.createElement('span');
    expert.className = 'expert';
    expert.textContent = passage.meta.expert ?? '';
    const question = document.createElement('span');
    question.textContent = passage.meta.question ?? '';
    context.append(expert, ': ', question);
    const analysis = passageAnalysis(passage.url);
    if (analysis) {
      const source = document.createElement('span');
      source.className = 'meta';
      source.textContent = `in ${label('analysis', analysis)}`;
      context.append(' ', source);
    }

    const link = document.createElement('a');
    link.className = 'excerpt';
    link.href = withHighlight(passage.url, wordsAt(passage.content, locations));
    link.setAttribute('aria-describedby', context.id);
    for (const part of excerptParts(passage.content, locations, EXCERPT_WORDS)) {
      if (!part.mark) {
        link.append(part.text);
        continue;
      }
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      link.append(mark);
    }
    item.append(context, link);

    // The themes' titles, as the record holds them to be searched.
    const themes = passage.meta.themes ?? '';
    if (themes !== '') {
      const line = document.createElement('p');
      line.className = 'themes meta';
      line.textContent = `Themes: ${themes}`;
      item.append(line);
    }
    return item;
  }

  // History: a burst of typing is one entry, each change of filters another; back restores both.
  let typing: ReturnType<typeof setTimeout> | undefined;
  const commit = (how: 'typing' | 'step') => {
    clearTimeout(typing);
    const state = formState();
    const search = searchQueryString(state);
    if (search !== location.search) {
      const url = `${location.pathname}${search}`;
      if (how === 'typing' && history.state?.typing) history.replaceState({ typing: true }, '', url);
      else history.pushState({ typing: how === 'typing' }, '', url);
    }
    void run(state);
  };

  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => commit('typing'), 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit('step');
  });
  for (const box of boxes) box.addEventListener('change', () => commit('step'));
  clear.addEventListener('click', () => {
    for (const box of boxes) box.checked = false;
    commit('step');
    input.focus();
  });
  more.addEventListener('click', async () => {
    const before = shown;
    const items = await renderPage(before.hits, before.words, before.next);
    if (shown !== before) return; // a newer search replaced the list meanwhile
    list.append(...items);
    shown.next += items.length;
    more.hidden = shown.next >= shown.hits.length;
    items[0]?.querySelector('a')?.focus();
  });
  // The URL is the source of truth on arrival and on back and forward.
  const fromUrl = () => {
    showState(parseSearchState(location.search));
    void run(formState());
  };
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}

/** Loads Pagefind from the site's own bundle under the base path, configured for passages. */
async function loadPagefind(): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ `${urls.searchBundle()}pagefind.js`)) as Pagefind;
  // Records hold root-relative permalinks; the base path is added here, so one index format
  // serves a site at the domain root or under a sub-path.
  // noWorker: searching a few thousand passages takes milliseconds, so Pagefind's web worker would
  // cost a 12 KB download (gzipped) for no gain in responsiveness.
  await pagefind.options({ baseUrl: import.meta.env.BASE_URL, ranking: RANKING, noWorker: true });
  await pagefind.init();
  return pagefind;
}

/** The facet file could not be read, and reading it again would not help (see `loadFacets`). */
class FacetsUnavailable extends Error {}

/**
 * Loads the facet file written beside Pagefind's bundle (see `FacetFile`). Its rows are in the
 * order Pagefind lists every passage in, which costs no download: the index is loaded already.
 * The file is named by the checksum of those ids, so the page asks for the file of the index it has.
 */
async function loadFacets(everyPassage: Promise<Found>): Promise<Map<string, FacetValues>> {
  const ids = (await everyPassage).results.map((r) => r.id);
  const response = await fetch(`${urls.searchBundle()}${facetFileName(idsChecksum(ids))}`);
  if (!response.ok) {
    const detail = `the filter file answered ${response.status}`;
    // A missing file will stay missing; a server error may pass.
    throw response.status === 404 ? new FacetsUnavailable(detail) : new Error(detail);
  }
  try {
    return readFacetFile((await response.json()) as FacetFile, ids);
  } catch (error) {
    throw new FacetsUnavailable(error instanceof Error ? error.message : String(error));
  }
}

/**
 * What to ask Pagefind: the query without the words no passage contains (Pagefind would otherwise
 * match "Israel" to every "is"), or null to list passages by filters alone. An exact phrase in
 * quotes is passed as it is.
 */
async function understand(
  search: (query: string) => Promise<Found>,
  q: string,
): Promise<{ query: string | null; missing: string[] }> {
  if (q === '') return { query: null, missing: [] };
  if (isQuoted(q)) return { query: q, missing: [] };
  const words = queryWords(q);
  const found = await Promise.all(
    words.map(async (word) => {
      const { results } = await search(word);
      const top = results[0];
      if (!top) return false;
      const passage = await top.data();
      const matched = [
        ...wordsAt(passage.content, top.words),
        ...Object.values(passage.meta).flatMap((value) => value.split(/\s+/)),
      ];
      return wordFound(word, matched);
    }),
  );
  const kept = words.filter((_, i) => found[i]);
  return { query: kept.join(' '), missing: words.filter((_, i) => !found[i]) };
}
