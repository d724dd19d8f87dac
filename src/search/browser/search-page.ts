/**
 * The search page: runs Pagefind in the browser and keeps the query and filters in the URL.
 * Loaded only by the search page. Everything a reader typed reaches the page as text
 * (`textContent`, `value`, URL parameters), never as markup.
 *
 * A Pagefind result is a commentary (or an analysis's introduction); its `anchors` and match
 * locations say which passages hold the searched words, and `arrange` lists those passages, a
 * few per commentary at a time (see src/search/shared/contract.ts).
 */
import {
  DATE_FILTER,
  EXCERPT_WORDS,
  FACETS,
  foldWord,
  emptyFilters,
  PAGE_SIZE,
  RANKING,
  THEME_RECORD,
  arrange,
  browseMatch,
  excerptParts,
  hasFilters,
  isQuoted,
  matchRecord,
  newestDates,
  pagefindFilters,
  parseDateFilterValue,
  pagefindQuery,
  parseAnalysisFilterValue,
  decodePassageThemes,
  parseSearchState,
  isPassageSection,
  themeOfUrl,
  phraseFirst,
  phraseLocations,
  pagefindWords,
  queryWords,
  relevantLocations,
  resultSummary,
  searchQueryString,
  sections,
  withHighlight,
  withMatchedThemes,
  withinThemes,
  wordFound,
  wordsAt,
  type Anchor,
  type Facet,
  type RecordMatch,
  type ResultItem,
  type SearchState,
  type Sort,
} from '../shared/contract.ts';
import { bottomLineSource } from '../../model/summaries.ts';
import { urls } from '../../outputs/site-urls.ts';

/** The part of Pagefind's documented browser API this page uses (pagefind.js ships no types). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, unknown> }): Promise<Found>;
  preload(query: string, options?: { filters?: Record<string, unknown> }): Promise<void>;
  filters(): Promise<Counts>;
}
type Counts = Record<string, Record<string, number>>;
type Filters = Record<string, { any: string[] }>;
interface Found {
  results: Hit[];
  filters: Counts;
}
interface Hit {
  id: string;
  /** Where the query's words are in the record's text. */
  words: number[];
  data(): Promise<Fragment>;
}
/**
 * A record's data. Pagefind keeps one object per record and rewrites its match locations on
 * every data() call, so concurrent searches would see each other's: this page reads the
 * locations from its own `Hit.words` instead.
 */
interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  /** The record's filter values: its date is `DATE_FILTER`'s. */
  filters: Record<string, string[]>;
  anchors: Anchor[];
}

/** The bottom lines fetched so far, by commentary id, and each analysis's file, fetched once. */
const bottomLines = new Map<string, string>();
const bottomLineFiles = new Map<string, Promise<void>>();

/**
 * Fetches the bottom lines of the analyses of those records that have one (a small file each,
 * after the records' data and before they are shown, so nothing moves once on screen). A file
 * that cannot be fetched leaves its results without a bottom line.
 */
function fetchBottomLines(fragments: readonly Fragment[]): Promise<unknown> {
  const files = fragments.flatMap((fragment) => {
    const source = bottomLineSource(fragment);
    if (!source || bottomLines.has(source.commentary)) return [];
    let file = bottomLineFiles.get(source.analysis);
    if (!file) {
      file = fetch(urls.bottomLines(source.analysis))
        .then((response) => (response.ok ? response.json() : { bottomLines: {} }))
        .then((data: { bottomLines?: Record<string, string> }) => {
          for (const [id, text] of Object.entries(data.bottomLines ?? {})) bottomLines.set(id, text);
        })
        .catch(() => undefined);
      bottomLineFiles.set(source.analysis, file);
    }
    return [file];
  });
  return Promise.all(files);
}

/** A loaded result: its data and what it matched. */
interface Loaded {
  fragment: Fragment;
  match: RecordMatch;
  passageThemes: Map<string, string[]>;
}

/** How long typing must pause before the page searches (ms). */
const TYPING_PAUSE_MS = 60;

/**
 * How many records' data are loaded at once, and for the first results of a search: each is a
 * download of a whole commentary, so the first results show from the first record that has any
 * (up to two passages), and the page fills up after them.
 */
const BATCH = 10;
const FIRST_BATCH = 1;

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);

function start(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  // `/` to the box, as on reading pages: the search page leaves the reading script out (its bytes
  // would count before the first results), and sharing a module would split both into two requests.
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (target?.closest('input, textarea, select') || target?.isContentEditable) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const failure = root.querySelector<HTMLElement>('[data-search-error]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-search-clear]')!;
  // The facets whose values the page lists from Pagefind's counts: they grow with the archive.
  const lists = {
    analysis: root.querySelector<HTMLUListElement>('[data-facet-list="analysis"]')!,
    year: root.querySelector<HTMLUListElement>('[data-facet-list="year"]')!,
  };
  const analysisNote = root.querySelector<HTMLElement>('[data-facet-note="analysis"]')!;
  const boxes = () => [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const sorts = [...root.querySelectorAll<HTMLInputElement>('input[name="sort"]')];
  // The themes in the site's order, with their titles: a record's meta names themes by place.
  const themeBoxes = [...root.querySelectorAll<HTMLInputElement>('input[name="theme"]')];
  const themeOrder = themeBoxes.map((b) => b.value);
  const themeTitle = new Map(themeBoxes.map((b) => [b.value, b.dataset.label ?? b.value]));
  const baseTitle = document.title;

  const pagefind = loadPagefind();
  let loaded = false;
  pagefind.then(
    () => (loaded = true),
    () => undefined,
  );
  // Pagefind loads its filters only when asked: after the first results, or before a search
  // that filters by analysis (whose values hold titles, see `analysisFilterValue`).
  let filtersLoad: Promise<Counts> | undefined;
  const allFilters = () => {
    filtersLoad ??= pagefind
      .then((pf) => pf.filters())
      .catch((error: unknown) => {
        filtersLoad = undefined;
        throw error;
      });
    return filtersLoad;
  };

  /** Says that search failed and offers browsing instead. */
  const unavailableSearch = (error: unknown) => {
    console.error('Search:', error);
    status.textContent = `Search could not load: ${error instanceof Error ? error.message : String(error)}.`;
    failure.hidden = false;
    // Results of an earlier search would pass for this one's.
    list.replaceChildren();
    list.removeAttribute('aria-busy');
    more.hidden = true;
  };

  /** The state the form shows. */
  const formState = (): SearchState => {
    const filters = emptyFilters();
    for (const box of boxes()) if (box.checked) filters[box.name as Facet].push(box.value);
    const sort = (sorts.find((r) => r.checked)?.value ?? 'relevance') as Sort;
    return { q: input.value.trim(), filters, sort };
  };

  /** Shows a state in the form. Chosen analyses and years are listed even before their counts are known. */
  const showState = (state: SearchState) => {
    input.value = state.q;
    for (const facet of ['analysis', 'year'] as const) {
      for (const id of state.filters[facet]) {
        if (!lists[facet].querySelector(`input[value="${CSS.escape(id)}"]`))
          lists[facet].append(valueBox(facet, id, id));
      }
    }
    for (const box of boxes()) box.checked = state.filters[box.name as Facet].includes(box.value);
    for (const radio of sorts) radio.checked = radio.value === state.sort;
  };

  let ticket = 0;
  /** The search on screen: its results in Pagefind's order, those loaded, and how many items are shown. */
  let shown: Session | undefined;
  interface Session {
    /** The records found so far, in order: those that say the words, then those tagged with a matched theme. */
    hits: Hit[];
    /** The hits that are there by a matched theme, not by their text. */
    themed: Set<Hit>;
    /** The ids of the themes whose title or terms the query matched. */
    themes: string[];
    /** The searches that find the next hits, run one at a time once every hit before is loaded. */
    pending: Pending[];
    loaded: Loaded[];
    words: string[];
    /** Whether the query is a quoted phrase. */
    phrase: boolean;
    state: SearchState;
    items: number;
    /** The commentaries whose bottom line a result already shows. */
    summarised: Set<string>;
  }

  /** A search whose hits come after those found so far; it may leave further searches to run after it. */
  interface Pending {
    /** Whether its hits are there by a matched theme. */
    themed: boolean;
    next: () => Promise<{ hits: Hit[]; then?: Pending[] }>;
  }

  /**
   * The hits of a search newest first, one publication date at a time: Pagefind's counts of the
   * date filter (loaded with the other filters) say which dates the results have, and a search per
   * date, run only when the page needs its results, lists that date's results by relevance.
   * `skip`: records listed already.
   */
  const newestFirst = (
    pf: Pagefind,
    q: string | null,
    filters: Filters,
    themed: boolean,
    skip: ReadonlySet<string> = new Set(),
  ): Pending => ({
    themed,
    next: async () => {
      await allFilters();
      const { filters: counts } = await pf.search(q, { filters });
      return {
        hits: [],
        then: newestDates(counts[DATE_FILTER] ?? {}).map((date) => ({
          themed,
          next: async () => {
            const found = await pf.search(q, { filters: { ...filters, [DATE_FILTER]: { any: [date] } } });
            return { hits: found.results.filter((r) => !skip.has(r.id)) };
          },
        })),
      };
    },
  });

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
      shown = undefined;
      list.replaceChildren();
      list.removeAttribute('aria-busy');
      more.hidden = true;
      failure.hidden = true;
      status.textContent = 'Type a word or a phrase, or choose an expert, a theme or an analysis.';
      await fillCounts(pf, null, state, current);
      return;
    }

    try {
      const analyses =
        state.filters.analysis.length > 0 ? Object.keys((await allFilters()).analysis ?? {}) : [];
      // This search's Pagefind queries, each run once.
      const searches = new Map<string, Promise<Found>>();
      const search = (q: string | null, without?: Facet) => {
        const filters = pagefindFilters(state, analyses, without);
        const key = JSON.stringify([q, filters]);
        let found = searches.get(key);
        if (!found) searches.set(key, (found = pf.search(q, { filters })));
        return found;
      };
      const { query, missing } = await understand((q) => search(q), state.q);
      if (!current()) return;
      if (query === '') {
        // Every word of the query is absent: nothing matches, whatever the filters.
        await showSession(
          {
            hits: [],
            themed: new Set(),
            themes: [],
            pending: [],
            loaded: [],
            words: [],
            phrase: false,
            state,
            items: 0,
            summarised: new Set(),
          },
          current,
        );
        status.textContent = resultSummary({
          count: 0,
          query: state.q,
          filtered: hasFilters(state),
          missing,
        });
        return;
      }
      const words = query === null ? [] : queryWords(query);
      const quoted = query !== null && isQuoted(query);
      const newest = state.sort === 'newest';
      const q = query === null ? null : pagefindQuery(query);
      const [found, phrase, themes] = await Promise.all([
        search(q),
        // Newest first, a phrase's results are ordered by date, not put first.
        query !== null && !quoted && words.length > 1 && !newest
          ? search(`"${words.join(' ')}"`)
          : Promise.resolve(null),
        query === null
          ? Promise.resolve(null)
          : matchedThemes(pf, pagefindQuery(query), words, quoted, themeTitle),
      ]);
      if (!current()) return;
      const themeRecords = new Set(themes?.records ?? []);
      const text = (
        phrase ? phraseFirst(found.results, new Set(phrase.results.map((r) => r.id))) : found.results
      ).filter((r) => !themeRecords.has(r.id));
      // The matched themes the reader's theme filter allows; their records come after the text's.
      const themeIds = (themes?.themes ?? [])
        .map((t) => t.id)
        .filter((id) => state.filters.theme.length === 0 || state.filters.theme.includes(id));
      const saying = new Set(text.map((r) => r.id));
      const taggedFilters = { ...pagefindFilters(state, analyses, 'theme'), theme: { any: themeIds } };
      const findTagged = async () =>
        (await pf.search(null, { filters: taggedFilters })).results.filter((r) => !saying.has(r.id));
      // When no text says the words, the themes' records are the results.
      const themedOnly = text.length === 0 && themeIds.length > 0;
      const taggedHits = themedOnly ? await findTagged() : [];
      if (!current()) return;
      // Newest first, the hits come date by date; by relevance, all at once.
      const pending: Pending[] = [];
      let hits: Hit[] = [];
      if (!themedOnly) {
        if (newest) pending.push(newestFirst(pf, q, pagefindFilters(state, analyses), false));
        else hits = text;
      }
      if (themeIds.length > 0) {
        if (newest) pending.push(newestFirst(pf, null, taggedFilters, true, saying));
        else if (themedOnly) hits = taggedHits;
        else pending.push({ themed: true, next: async () => ({ hits: await findTagged() }) });
      }
      if (
        !(await showSession(
          {
            hits,
            themed: new Set(themedOnly && !newest ? hits : []),
            themes: themeIds,
            pending,
            loaded: [],
            words,
            phrase: quoted,
            state,
            items: 0,
            summarised: new Set(),
          },
          current,
        ))
      )
        return;
      const titles = (themes?.themes ?? []).filter((t) => themeIds.includes(t.id)).map((t) => t.title);
      status.textContent = resultSummary({
        count: themedOnly ? taggedHits.length : text.length,
        query: state.q,
        filtered: hasFilters(state),
        missing,
        themes: titles,
        themedOnly,
      });
      await fillCounts(pf, query === null ? null : pagefindQuery(query), state, current);
    } catch (error) {
      if (current()) unavailableSearch(error);
    }
  }

  /**
   * What each filter value would give: Pagefind's counts for the query with the other facets'
   * choices (a facet's counts leave its own choice out). Asked for once the results are on screen.
   */
  async function fillCounts(pf: Pagefind, q: string | null, state: SearchState, current: () => boolean) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!current()) return;
    let total: Counts;
    try {
      total = await allFilters();
    } catch {
      return; // counts are an extra: search goes on without them
    }
    const analyses = Object.keys(total.analysis ?? {});
    const counts = await Promise.all(
      FACETS.map(async (facet) => {
        const filters = pagefindFilters(state, analyses, facet);
        if (q === null && Object.keys(filters).length === 0) return total[facet] ?? {};
        return (await pf.search(q, { filters })).filters[facet] ?? {};
      }),
    );
    if (!current()) return;
    FACETS.forEach((facet, i) => showCounts(facet, counts[i]!, state));
  }

  /** How many analyses the facet lists besides those chosen. */
  const ANALYSES_LISTED = 10;

  /** A checkbox for a value of a listed facet (an analysis, labelled with its title, or a year). */
  function valueBox(facet: keyof typeof lists, id: string, title: string): HTMLLIElement {
    const item = document.createElement('li');
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = facet;
    box.value = id;
    box.setAttribute('form', 'search-form');
    box.addEventListener('change', () => commit('step'));
    const name = document.createElement('span');
    name.textContent = title;
    const count = document.createElement('span');
    count.className = 'count';
    count.dataset.count = '';
    label.append(box, name, count);
    item.append(label);
    return item;
  }

  /** Updates a facet's counts; values that would add nothing are dimmed (but stay usable). */
  function showCounts(facet: Facet, counts: Record<string, number>, state: SearchState): void {
    if (facet === 'analysis' || facet === 'year') {
      // The analyses the results come from, most results first, and those chosen; the years, newest first.
      const years = facet === 'year';
      const values = Object.entries(counts)
        .map(([value, n]) => ({
          ...(years ? { id: value, title: value } : parseAnalysisFilterValue(value)),
          n,
        }))
        .filter(({ id, n }) => n > 0 || state.filters[facet].includes(id))
        .sort((a, b) => (years ? b.id.localeCompare(a.id) : b.n - a.n || a.title.localeCompare(b.title)));
      const chosen = values.filter((v) => state.filters[facet].includes(v.id));
      const others = values.filter((v) => !state.filters[facet].includes(v.id));
      const listed = years ? values : [...chosen, ...others.slice(0, ANALYSES_LISTED)];
      const items = listed.map(({ id, title }) => valueBox(facet, id, title));
      const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement : null;
      lists[facet].replaceChildren(...items);
      for (const box of lists[facet].querySelectorAll('input')) {
        box.checked = state.filters[facet].includes(box.value);
        if (focused?.name === facet && focused.value === box.value) box.focus();
      }
      const hiddenCount = values.length - listed.length;
      if (!years)
        analysisNote.textContent =
          hiddenCount > 0 ? `and ${hiddenCount} more; narrow the search to list them.` : '';
    }
    for (const box of boxes()) {
      if (box.name !== facet) continue;
      const value =
        facet === 'analysis'
          ? Object.keys(counts).find((v) => parseAnalysisFilterValue(v).id === box.value)
          : box.value;
      const n = value === undefined ? 0 : (counts[value] ?? 0);
      const holder = box.closest('label')!;
      const count = holder.querySelector<HTMLElement>('[data-count]')!;
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = n === 1 ? ' result' : ' results';
      count.replaceChildren(String(n), hidden);
      holder.toggleAttribute('data-empty', n === 0 && !box.checked);
    }
  }

  /**
   * Replaces the result list with a session's first page; false if a newer search took over
   * meanwhile. The first results go on screen as soon as a batch of records holds any, and the
   * page is filled up after them: each record's data is a download.
   */
  async function showSession(session: Session, current: () => boolean): Promise<boolean> {
    const first = await nextItems(session, PAGE_SIZE, 1);
    if (!current()) return false;
    shown = session;
    failure.hidden = true; // an earlier search may have failed; this one did not
    list.replaceChildren(...first.map((item) => render(session, item)));
    session.items += first.length;
    more.hidden = true;
    // The list is busy until the page is filled (assistive technology waits; so do the tests).
    list.setAttribute('aria-busy', 'true');
    // In a later task: the first results are announced before anything more is asked for.
    setTimeout(() => void fillPage(session, current), 0);
    return true;
  }

  /** Adds results after the first ones until the page holds `PAGE_SIZE`, then offers more. */
  async function fillPage(session: Session, current: () => boolean): Promise<void> {
    try {
      const rest = await nextItems(session, PAGE_SIZE - session.items);
      if (!current() || shown !== session) return;
      list.append(...rest.map((item) => render(session, item)));
      session.items += rest.length;
      more.hidden = !(await hasMore(session));
    } catch (error) {
      if (current()) unavailableSearch(error);
    } finally {
      if (current()) list.removeAttribute('aria-busy');
    }
  }

  /**
   * Loads records until `count` more items can be shown, or at least `enough` of them, or every
   * record is loaded; returns up to `count` items after those shown.
   */
  async function nextItems(session: Session, count: number, enough = count): Promise<ResultItem[]> {
    const complete = () => session.loaded.length >= session.hits.length && session.pending.length === 0;
    let items = arrange(session.loaded, complete());
    while (items.length < session.items + enough && !complete()) {
      if (session.loaded.length >= session.hits.length) {
        await pull(session);
        continue;
      }
      const size = session.loaded.length === 0 ? FIRST_BATCH : BATCH;
      const batch = session.hits.slice(session.loaded.length, session.loaded.length + size);
      const fragments = await Promise.all(batch.map((hit) => hit.data()));
      await fetchBottomLines(fragments);
      fragments.forEach((fragment, i) =>
        session.loaded.push(load(session, fragment, batch[i]!, session.themed.has(batch[i]!))),
      );
      items = arrange(session.loaded, complete());
    }
    return items.slice(session.items, session.items + count);
  }

  /** Runs the next pending search and adds its hits after those found so far. */
  async function pull(session: Session): Promise<void> {
    const pending = session.pending.shift();
    if (!pending) return;
    const { hits, then = [] } = await pending.next();
    session.hits.push(...hits);
    if (pending.themed) for (const hit of hits) session.themed.add(hit);
    session.pending.unshift(...then);
  }

  async function hasMore(session: Session): Promise<boolean> {
    while (session.loaded.length >= session.hits.length && session.pending.length > 0) await pull(session);
    if (session.loaded.length < session.hits.length) return true;
    return arrange(session.loaded, true).length > session.items;
  }

  /**
   * What one record matched for the session's query and themes; `themed`: a record found by a
   * matched theme, not by its text.
   */
  function load(session: Session, fragment: Fragment, hit: Hit, themed: boolean): Loaded {
    const info = recordInfo(fragment);
    const passageThemes = decodePassageThemes(fragment.meta.passages ?? '', info.passages, themeOrder);
    const themes = session.state.filters.theme;
    const said = themed
      ? { passages: [], themes: [], fields: [] }
      : matchRecord(fragment.content, fragment.anchors, hit.words, session.words, {
          phrase: session.phrase,
        });
    const match =
      session.words.length === 0
        ? browseMatch(passageThemes, themes)
        : withinThemes(withMatchedThemes(said, passageThemes, session.themes), passageThemes, themes);
    if (session.words.length === 0 && info.kind === 'introduction') {
      match.passages = [{ id: 'introduction', locations: [], words: 0 }];
    }
    return { fragment, match, passageThemes };
  }

  let counter = 0;
  /** One line of the result list (see `ResultItem`). */
  function render(session: Session, item: ResultItem): HTMLLIElement {
    const record = session.loaded[item.record]!;
    const { fragment } = record;
    const info = recordInfo(fragment);
    const li = document.createElement('li');
    li.dataset.kind = item.kind;
    if (item.kind === 'more') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'more-passages';
      const n = item.rest.length;
      button.textContent = `${n} more passage${n === 1 ? '' : 's'} in this ${info.kind === 'introduction' ? 'introduction' : 'commentary'}`;
      button.addEventListener('click', () => {
        const added = item.rest.map((rest) => render(session, { ...rest, record: item.record }));
        li.replaceWith(...added);
        added[0]?.querySelector('a')?.focus();
      });
      li.append(button);
      return li;
    }
    const n = counter++;
    const context = document.createElement('p');
    context.className = 'context';
    context.id = `result-${n}`;
    if (info.expert) {
      const expert = document.createElement('span');
      expert.className = 'expert';
      expert.textContent = info.expert;
      context.append(expert, ': ');
    }
    const question = document.createElement('span');
    question.textContent = info.kind === 'introduction' ? 'Introduction' : info.question;
    context.append(question);
    if (info.analysis) {
      const source = document.createElement('span');
      source.className = 'meta';
      source.textContent = `in ${info.analysis}`;
      const published = fragment.filters[DATE_FILTER]?.[0];
      if (published) {
        const { iso, label } = parseDateFilterValue(published);
        const time = document.createElement('time');
        time.dateTime = iso;
        time.textContent = label;
        source.append(', ', time);
      }
      context.append(' ', source);
    }

    // The commentary's bottom line, under the first of its results only.
    const source = bottomLineSource(fragment);
    const bottomLine = source ? bottomLines.get(source.commentary) : undefined;
    const summary: HTMLParagraphElement[] = [];
    if (source && bottomLine && !session.summarised.has(source.commentary)) {
      session.summarised.add(source.commentary);
      const line = document.createElement('p');
      line.className = 'bottom-line meta';
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = 'Editors’ bottom line:';
      line.append(label, ` ${bottomLine}`);
      summary.push(line);
    }

    const words = fragmentWords(fragment);
    const link = document.createElement('a');
    link.className = 'excerpt';
    link.setAttribute('aria-describedby', context.id);
    const base = fragment.url.replace(/#.*$/, '');
    if (item.kind === 'commentary') {
      // Only the question (or title) matched: the commentary, with the question marked.
      const section = words.sections.find((s) => s.id === 'question') ?? words.sections[0];
      const text = section ? words.all.slice(section.start, section.end) : [];
      const said = wordsAt(
        text.join(' '),
        text.map((_, i) => i),
      ).filter((w) => session.words.some((q) => wordFound(q, [w])));
      link.href = withHighlight(info.kind === 'introduction' ? base : `${base}#question`, said);
      link.textContent = info.kind === 'introduction' ? info.analysis : 'Read the commentary';
      li.append(context, ...summary, link);
      return li;
    }
    const hit = record.match.passages.find((p) => p.id === item.passage);
    const section = words.sections.find((s) => s.id === item.passage);
    const text = section ? words.all.slice(section.start, section.end).join(' ') : '';
    const locations = item.kind === 'passage' ? (hit?.locations ?? []) : [];
    link.href = withHighlight(`${base}#${encodeURIComponent(item.passage)}`, wordsAt(text, locations));
    for (const part of excerptParts(text, locations, EXCERPT_WORDS)) {
      if (!part.mark) {
        link.append(part.text);
        continue;
      }
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      link.append(mark);
    }
    li.append(context, ...summary, link);
    const themes = (record.passageThemes.get(item.passage) ?? []).map((id) => themeTitle.get(id) ?? id);
    if (themes.length > 0) {
      const line = document.createElement('p');
      line.className = 'themes meta';
      line.textContent = `${item.kind === 'themed' ? 'Tagged with' : 'Themes'}: ${themes.join(', ')}`;
      li.append(line);
    }
    return li;
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

  // While the reader types, Pagefind fetches the index chunks the words need (its documented
  // `preload`), so that the search after the pause has nothing left to download; the pause itself
  // is short, long enough only to skip searching between two quick keystrokes.
  input.addEventListener('input', () => {
    clearTimeout(typing);
    // Not for a word of one or two letters: it begins too many words, whose chunks would all load.
    const q = input.value.trim();
    const words = queryWords(q);
    if (loaded && words.length > 0 && words.every((w) => foldWord(w).length >= 3))
      void pagefind.then((pf) => pf.preload(pagefindQuery(q))).catch(() => undefined);
    typing = setTimeout(() => commit('typing'), TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit('step');
  });
  for (const box of boxes()) box.addEventListener('change', () => commit('step'));
  for (const radio of sorts) radio.addEventListener('change', () => commit('step'));
  clear.addEventListener('click', () => {
    for (const box of boxes()) box.checked = false;
    commit('step');
    input.focus();
  });
  more.addEventListener('click', async () => {
    const session = shown;
    if (!session) return;
    const items = await nextItems(session, PAGE_SIZE);
    if (shown !== session) return; // a newer search replaced the list meanwhile
    const added = items.map((item) => render(session, item));
    list.append(...added);
    session.items += items.length;
    more.hidden = !(await hasMore(session));
    added[0]?.querySelector<HTMLElement>('a, button')?.focus();
  });
  // The URL is the source of truth on arrival and on back and forward.
  const fromUrl = () => {
    showState(parseSearchState(location.search));
    void run(formState());
  };
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}

/**
 * What a record is and says, from its text's sections (see src/search/build/records.ts): a commentary (its
 * question, expert, analysis title and passages), an analysis's introduction, or a theme.
 */
function recordInfo(fragment: Fragment) {
  const { all, sections: parts } = fragmentWords(fragment);
  const text = (id: string) => {
    const part = parts.find((p) => p.id === id);
    return part ? all.slice(part.start, part.end).join(' ') : '';
  };
  const ids = parts.map((p) => p.id);
  return {
    kind: ids.includes('introduction') ? 'introduction' : ids.includes('theme') ? 'theme' : 'commentary',
    question: text('question'),
    // Pagefind ends each block of its text with a full stop; a name and a title have none of their own.
    expert: text('expert').replace(/\.$/, ''),
    analysis: text('analysis').replace(/\.$/, ''),
    passages: ids.filter((id) => isPassageSection(id) && id !== 'introduction'),
  };
}

/** A fragment's words and sections, computed once per fragment. */
const cut = new WeakMap<Fragment, { all: string[]; sections: ReturnType<typeof sections> }>();
function fragmentWords(fragment: Fragment) {
  let found = cut.get(fragment);
  if (!found) {
    const all = fragment.content.split(/[^\S\uFEFF]+/);
    found = { all, sections: sections(fragment.anchors, all.length) };
    cut.set(fragment, found);
  }
  return found;
}

/** Loads Pagefind from the site's own bundle under the base path. */
async function loadPagefind(): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ `${urls.searchBundle()}pagefind.js`)) as Pagefind;
  // Records hold root-relative permalinks; the base path is added here, so one index format
  // serves a site at the domain root or under a sub-path.
  // noWorker: searching a few thousand records takes milliseconds, so Pagefind's web worker would
  // cost a 12 KB download (gzipped) for no gain in responsiveness.
  await pagefind.options({ baseUrl: import.meta.env.BASE_URL, ranking: RANKING, noWorker: true });
  await pagefind.init();
  return pagefind;
}

/**
 * The themes whose title or terms say the query's words, from the themes' own records (see
 * src/search/build/records.ts), and the ids of those records among Pagefind's results. A theme counts only
 * when a searched word is really in it (Pagefind also matches a word's longest indexed prefix).
 */
async function matchedThemes(
  pf: Pagefind,
  query: string,
  words: readonly string[],
  phrase: boolean,
  titles: ReadonlyMap<string, string>,
): Promise<{ records: string[]; themes: { id: string; title: string }[] }> {
  const { results } = await pf.search(query, {
    filters: { [THEME_RECORD.filter]: { any: [THEME_RECORD.value] } },
  });
  const records = results.map((r) => r.id);
  const themes = await Promise.all(
    results.map(async (hit) => {
      const fragment = await hit.data();
      const said = phrase
        ? phraseLocations(pagefindWords(fragment.content), words)
        : relevantLocations(fragment.content, hit.words, words);
      const id = themeOfUrl(fragment.url);
      return said.length > 0 && id ? [{ id, title: titles.get(id) ?? id }] : [];
    }),
  );
  return { records, themes: themes.flat() };
}

/**
 * What to ask Pagefind: the query without the words nothing contains (Pagefind would otherwise
 * match "Israel" to every "is"), or null to list records by filters alone. An exact phrase in
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
      const fragment = await top.data();
      return wordFound(word, wordsAt(fragment.content, top.words));
    }),
  );
  const kept = words.filter((_, i) => found[i]);
  return { query: kept.join(' '), missing: words.filter((_, i) => !found[i]) };
}
