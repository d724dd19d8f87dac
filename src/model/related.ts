/** Related perspectives: for each theme of a commentary, what the other experts said on it. */
import type {
  Analysis,
  Commentary,
  Expert,
  ExpertColumn,
  PassageInContext,
  SiteModel,
  Theme,
} from './model.ts';
import { passageInContext } from './model.ts';
import { excerpt } from '../util/text.ts';
import { RELATED_EXCERPT_WORDS, RELATED_EXPERTS_PER_THEME, RELATED_PASSAGES_PER_EXPERT } from './settings.ts';

/** One other expert's passages on a theme, as many as fit, and how many more there are. */
export interface RelatedColumn {
  expert: Expert;
  passages: PassageInContext[];
  /** Passages by this expert on the theme left out here (the theme page has them). */
  more: number;
  /** Whether the theme page has a column for this expert (else their passages on it have a page of their own). */
  onThemePage: boolean;
}

/** One theme of a commentary and what other experts said on it. */
export interface RelatedTheme {
  theme: Theme;
  columns: RelatedColumn[];
  /** Other experts on the theme left out here. */
  moreExperts: number;
}

/** How much of each theme to show, so that the section stays bounded as the corpus grows. */
export interface RelatedLimits {
  experts: number;
  passages: number;
}

/** Identifies a passage across the corpus. */
const key = (item: PassageInContext) => `${item.commentary.id}#${item.passage.id}`;

/** Whether a block of a commentary is a passage tagged with the theme. */
const onTheme = (
  block: Commentary['blocks'][number],
  themeId: string,
): block is Extract<Commentary['blocks'][number], { kind: 'passage' }> =>
  block.kind === 'passage' && block.themes.includes(themeId);

/** The experts, `exceptExpert` aside, whose commentaries in an analysis speak to a theme. */
function localExperts(
  analysis: Pick<Analysis, 'commentaries'>,
  themeId: string,
  exceptExpert: string,
): Set<string> {
  const experts = new Set<string>();
  for (const other of analysis.commentaries) {
    if (other.expert === exceptExpert || experts.has(other.expert)) continue;
    if (other.blocks.some((block) => onTheme(block, themeId))) {
      experts.add(other.expert);
    }
  }
  return experts;
}

/** An expert's passages on a theme in the commentaries of one analysis, in its order. */
function localPassages(
  analysis: Pick<Analysis, 'commentaries'>,
  themeId: string,
  expertId: string,
): PassageInContext[] {
  return analysis.commentaries.flatMap((other) =>
    other.expert !== expertId
      ? []
      : other.blocks.flatMap((block) => (onTheme(block, themeId) ? [passageInContext(block, other)] : [])),
  );
}

/**
 * The columns made for each site, by theme, expert, analysis (for an expert who also wrote in
 * the reader's analysis) and limit. An expert's column on a theme is the same on every commentary
 * page that shows it, so it is made once and shared: a page's key (`page-key.ts`) digests each
 * shared object once per build, where a column made for every page would be digested for each.
 */
const madeColumns = new WeakMap<object, Map<string, RelatedColumn>>();

function sharedColumn(site: object, key: string, make: () => RelatedColumn): RelatedColumn {
  let columns = madeColumns.get(site);
  if (!columns) madeColumns.set(site, (columns = new Map()));
  let column = columns.get(key);
  if (!column) columns.set(key, (column = make()));
  return column;
}

/**
 * For each theme the commentary declares, in its order, the other experts' passages on it. The
 * conversation the reader is in comes first: experts and passages of the same analysis, then
 * the rest in reading order (newest first). Its cost is bounded by the analysis, the number of
 * experts on a theme and the limits, never by the number of passages in the corpus: at most
 * `limits.experts` experts and `limits.passages` passages each are shown. Themes no other expert
 * speaks to are left out. The columns are shared between the pages that show them.
 */
export function relatedPerspectives(
  commentary: Pick<Commentary, 'expert' | 'themes' | 'analysis'>,
  site: Pick<SiteModel, 'theme' | 'columnsFor' | 'analysis' | 'onThemePage'>,
  limits: RelatedLimits = { experts: RELATED_EXPERTS_PER_THEME, passages: RELATED_PASSAGES_PER_EXPERT },
): RelatedTheme[] {
  const analysis = site.analysis(commentary.analysis);
  return commentary.themes.flatMap((themeId) => {
    const local = localExperts(analysis, themeId, commentary.expert);
    // The other experts' columns, those of the reader's analysis first, as many as are shown: a
    // theme may have hundreds of experts, and a page looks at each once.
    const here: ExpertColumn[] = [];
    const elsewhere: ExpertColumn[] = [];
    let others = 0;
    for (const column of site.columnsFor(themeId)) {
      if (column.expert.id === commentary.expert) continue;
      others += 1;
      if (local.has(column.expert.id)) here.push(column);
      else if (elsewhere.length < limits.experts) elsewhere.push(column);
    }
    if (others === 0) return [];
    const shown = [...here, ...elsewhere].slice(0, limits.experts);
    const columns = shown.map((column) => {
      const isLocal = local.has(column.expert.id);
      const id = `${themeId}\u0000${column.expert.id}\u0000${isLocal ? commentary.analysis : ''}\u0000${limits.passages}`;
      return sharedColumn(site, id, () => {
        const passages = isLocal ? localPassages(analysis, themeId, column.expert.id) : [];
        const taken = new Set(passages.map(key));
        // Fill up from the column in reading order, looking at no more passages than needed.
        for (const item of column.passages) {
          if (passages.length >= limits.passages) break;
          if (!taken.has(key(item))) passages.push(item);
        }
        const kept = passages.slice(0, limits.passages);
        return {
          expert: column.expert,
          passages: kept,
          more: Math.max(0, column.passages.length - kept.length),
          onThemePage: site.onThemePage(themeId, column.expert.id),
        };
      });
    });
    return [{ theme: site.theme(themeId), columns, moreExperts: others - shown.length }];
  });
}

const excerpts = new WeakMap<object, string>();

/**
 * The words of a passage quoted in related perspectives. The newest passages on a theme are quoted
 * on nearly every commentary page that declares it, so each passage is cut once per build.
 */
export function relatedExcerpt(passage: Pick<PassageInContext['passage'], 'text'>): string {
  let cut = excerpts.get(passage);
  if (cut === undefined) {
    cut = excerpt(passage.text, RELATED_EXCERPT_WORDS);
    excerpts.set(passage, cut);
  }
  return cut;
}
