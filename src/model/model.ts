/**
 * The site's data model, derived once per build from the plain collection entries:
 * rendered and tagged passages, and the groupings the pages show.
 */
import type { ImageMetadata } from 'astro';
import { compareNewestFirst, type PartialDate } from '../util/dates.ts';
import { renderBlocks, type Block, type Passage } from '../content/markdown.ts';
import { paginate, type Page } from './paging.ts';
import { heaviest } from './bounds.ts';
import {
  ARCHIVE_PAGE_SIZE,
  EXPERT_PAGE_COMMENTARIES,
  EXPERTS_PAGE_SIZE,
  HOME_MATRIX_EXPERTS,
  THEME_COLUMN_PREVIEW,
  THEME_EXPERT_PAGE_PASSAGES,
  THEME_PAGE_EXPERTS,
} from './settings.ts';

/** An analysis entry as the pages need it. */
export interface AnalysisEntry {
  id: string;
  file?: string;
  title: string;
  dek: string;
  published: PartialDate;
  /** Where it first appeared, if not on this site. */
  source?: { name: string; url: string } | undefined;
  /** The lead photo's caption and credit, and its image when there is a file. */
  photo?: { caption: string; credit: string; file?: ContentImage; alt?: string };
  disclaimer?: string;
  /** The editors' summary of what the experts say: 1 to 5 plain sentences. */
  takeaways?: string[] | undefined;
  body: string;
  /** The line of its file on which the body begins, when known, for messages about the body. */
  bodyLine?: number;
}

/** An image of the content: Astro's image in the build, the path as written in the content check. */
export type ContentImage = ImageMetadata | string;

/** Whether a content image went through Astro's pipeline (it always has in the build). */
export function isPipelineImage(image: ContentImage | undefined): image is ImageMetadata {
  return typeof image === 'object';
}

/** An expert entry. */
export interface Expert {
  id: string;
  file?: string;
  name: string;
  givenName: string;
  familyName: string;
  affiliation: string;
  /** Their position at their institution. */
  role?: string;
  portrait?: { file: ContentImage; alt: string; credit: string };
  /** Where else to read about them: ORCID's address, their institution's page, public profiles. */
  links?: { orcid?: string; institution?: string; social?: string[] };
  /** Their bio in markdown: the file's body, which may be empty. */
  body?: string;
  /** The line of its file on which the body begins, when known, for messages about the body. */
  bodyLine?: number;
  /** The bio rendered, when there is one (set by the model). */
  bio?: Block[];
}

/** A theme entry. */
export interface Theme {
  id: string;
  file?: string;
  title: string;
  description: string;
  terms: string[];
}

/** A commentary entry with its references resolved to ids. */
export interface CommentaryEntry {
  id: string;
  file?: string;
  analysis: string;
  expert: string;
  question: string;
  order: number;
  themes: string[];
  /** The editors' one-sentence summary of the answer. */
  bottomLine?: string | undefined;
  body: string;
  /** The line of its file on which the body begins, when known, for messages about the body. */
  bodyLine?: number;
}

/** A commentary with its body rendered into tagged passages. */
export interface Commentary extends CommentaryEntry {
  blocks: Block[];
  passages: Passage[];
}

/** An analysis with its introduction rendered and its commentaries in published order. */
export interface Analysis extends AnalysisEntry {
  intro: Block[];
  commentaries: Commentary[];
}

/** A passage together with where it stands: what a theme page or search result shows. */
export interface PassageInContext {
  passage: Passage & { html: string };
  commentary: Commentary;
}

const inContext = new WeakMap<object, PassageInContext>();

/**
 * A passage with the commentary it belongs to: one object per passage, whichever theme's column
 * or page shows it, so that what shows it shares it (and a page key digests it once: page-key.ts).
 */
export function passageInContext(
  passage: PassageInContext['passage'],
  commentary: Commentary,
): PassageInContext {
  let pair = inContext.get(passage);
  if (pair?.commentary !== commentary) {
    pair = { passage, commentary };
    inContext.set(passage, pair);
  }
  return pair;
}

/** One expert's passages on one theme. */
export interface ExpertColumn {
  expert: Expert;
  passages: PassageInContext[];
}

/** Everything the pages render, computed once. */
export interface SiteModel {
  analyses: Analysis[];
  experts: Expert[];
  themes: Theme[];
  commentaries: Commentary[];
  analysis: (id: string) => Analysis;
  expert: (id: string) => Expert;
  theme: (id: string) => Theme;
  /** Commentaries by an expert, newest analysis first. */
  commentariesBy: (expertId: string) => Commentary[];
  /** Per theme, each expert who speaks to it with their passages, experts in site order. */
  columnsFor: (themeId: string) => ExpertColumn[];
  /** Number of passages an expert devotes to a theme. */
  count: (themeId: string, expertId: string) => number;
  /** How many passages speak to a theme, and which experts wrote them. */
  themeSummary: (themeId: string) => { passages: number; experts: Expert[] };
  /** The themes an expert speaks to, in theme order, with their passage counts. */
  themesBy: (expertId: string) => { theme: Theme; count: number }[];
  /** The expert columns a theme's page shows (`themePageColumns`), in site order. */
  themePageColumns: (themeId: string) => ExpertColumn[];
  /** Whether an expert has a column on a theme's page (else their passages on it have a page of their own). */
  onThemePage: (themeId: string, expertId: string) => boolean;
}

/** Orders experts by family name, then given name. */
export function compareExperts(a: Expert, b: Expert): number {
  return a.familyName.localeCompare(b.familyName, 'en') || a.givenName.localeCompare(b.givenName, 'en');
}

/** Orders themes by title. */
export function compareThemes(a: Theme, b: Theme): number {
  return a.title.localeCompare(b.title, 'en');
}

/** Looks an id up in a map, or throws naming what was missing. */
function lookup<T>(map: Map<string, T>, kind: string) {
  return (id: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`No ${kind} with id "${id}".`);
    return found;
  };
}

/** Renders a commentary's body, tagging each passage with the declared themes its terms mention. */
export function renderCommentary(entry: CommentaryEntry, themes: ReadonlyMap<string, Theme>): Commentary {
  const declared = entry.themes.flatMap((id) => {
    const theme = themes.get(id);
    return theme ? [{ id: theme.id, terms: theme.terms }] : [];
  });
  const blocks = renderBlocks(entry.body, { themes: declared });
  const passages = blocks.flatMap((b) =>
    b.kind === 'passage' ? [{ id: b.id, text: b.text, themes: b.themes }] : [],
  );
  return { ...entry, blocks, passages };
}

/** Builds the site model from validated entries. References must already be known to exist. */
export function buildModel(input: {
  analyses: AnalysisEntry[];
  experts: Expert[];
  themes: Theme[];
  commentaries: CommentaryEntry[];
}): SiteModel {
  const experts = input.experts
    .map((e) => (e.body?.trim() ? { ...e, bio: renderBlocks(e.body) } : e))
    .sort(compareExperts);
  const themes = [...input.themes].sort(compareThemes);
  const themeMap = new Map(themes.map((t) => [t.id, t]));
  const expertMap = new Map(experts.map((e) => [e.id, e]));

  const commentaries = input.commentaries.map((entry) => renderCommentary(entry, themeMap));
  const byAnalysis = groupBy(commentaries, (c) => c.analysis);
  const analyses: Analysis[] = input.analyses
    .map((entry) => ({
      ...entry,
      intro: renderBlocks(entry.body),
      commentaries: [...(byAnalysis.get(entry.id) ?? [])].sort((a, b) => a.order - b.order),
    }))
    .sort((a, b) => compareNewestFirst(a.published, b.published) || a.title.localeCompare(b.title, 'en'));
  const analysisMap = new Map(analyses.map((a) => [a.id, a]));

  // Commentaries in reading order: newest analysis first, then the order within the analysis.
  const ordered = analyses.flatMap((a) => a.commentaries);
  const byExpert = groupBy(ordered, (c) => c.expert);
  const columns = themeColumns(ordered, themes, experts);
  const count = (themeId: string, expertId: string) =>
    columns.get(themeId)?.find((c) => c.expert.id === expertId)?.passages.length ?? 0;
  const shownColumns = new Map(themes.map((t) => [t.id, themePageColumns(columns.get(t.id) ?? [])] as const));
  const shownIds = new Map(
    [...shownColumns].map(([id, list]) => [id, new Set(list.map((c) => c.expert.id))] as const),
  );

  return {
    analyses,
    experts,
    themes,
    commentaries: ordered,
    analysis: lookup(analysisMap, 'analysis'),
    expert: lookup(expertMap, 'expert'),
    theme: lookup(themeMap, 'theme'),
    commentariesBy: (expertId) => byExpert.get(expertId) ?? [],
    columnsFor: (themeId) => columns.get(themeId) ?? [],
    count,
    themeSummary: (themeId) => {
      const list = columns.get(themeId) ?? [];
      return {
        passages: list.reduce((sum, c) => sum + c.passages.length, 0),
        experts: list.map((c) => c.expert),
      };
    },
    themesBy: (expertId) =>
      themes.flatMap((theme) => {
        const n = count(theme.id, expertId);
        return n > 0 ? [{ theme, count: n }] : [];
      }),
    themePageColumns: (themeId) => shownColumns.get(themeId) ?? [],
    onThemePage: (themeId, expertId) => shownIds.get(themeId)?.has(expertId) ?? false,
  };
}

/**
 * The columns a theme page shows, so that it stays the same size however many experts speak to
 * the theme: the `limit` experts with the most passages on it (ties by name), in the given order.
 */
export function themePageColumns(
  columns: readonly ExpertColumn[],
  limit: number = THEME_PAGE_EXPERTS,
): ExpertColumn[] {
  return heaviest(
    columns,
    (c) => c.passages.length,
    limit,
    (a, b) => compareExperts(a.expert, b.expert),
  );
}

/**
 * The experts the home page's theme × expert matrix shows as columns: the `limit` with the most
 * passages on the themes (a passage on two themes counts in both cells), ties by name, in site order.
 */
export function matrixExperts(
  site: Pick<SiteModel, 'experts' | 'themesBy'>,
  limit: number = HOME_MATRIX_EXPERTS,
): Expert[] {
  const total = (expert: Expert) => site.themesBy(expert.id).reduce((sum, t) => sum + t.count, 0);
  return heaviest(site.experts, total, limit, compareExperts);
}

/** The themes an analysis's commentaries declare, each once, in the order they first appear. */
export function analysisThemeIds(analysis: Pick<Analysis, 'commentaries'>): string[] {
  return [...new Set(analysis.commentaries.flatMap((c) => c.themes))];
}

/** The pages of the analyses archive (`urls.analyses(n)`), newest analysis first. */
export function archivePages(site: Pick<SiteModel, 'analyses'>): Page<Analysis>[] {
  return paginate(site.analyses, ARCHIVE_PAGE_SIZE);
}

/** The pages of an expert's commentaries (`urls.expert(id, n)`), newest first; page 1 is their profile. */
export function expertPages(
  site: Pick<SiteModel, 'commentariesBy'>,
  expertId: string,
  size: number = EXPERT_PAGE_COMMENTARIES,
): Page<Commentary>[] {
  return paginate(site.commentariesBy(expertId), size);
}

/** The pages of the experts index (`urls.experts(n)`), in site order (by name), each expert with their count of commentaries. */
export function expertsIndexPages(
  site: Pick<SiteModel, 'experts' | 'commentariesBy'>,
  size: number = EXPERTS_PAGE_SIZE,
): Page<{ expert: Expert; commentaries: number }>[] {
  return paginate(
    site.experts.map((expert) => ({ expert, commentaries: site.commentariesBy(expert.id).length })),
    size,
  );
}

/** The pages of an expert's page on a theme (`urls.themeByExpert(theme, expert, n)`), newest first. */
export function themeExpertPages(
  column: Pick<ExpertColumn, 'passages'>,
  size: number = THEME_EXPERT_PAGE_PASSAGES,
): Page<PassageInContext>[] {
  return paginate(column.passages, size);
}

/** The id and title of the analyses a list of passages comes from, by id: what a page of them names. */
export function analysisTitles(
  site: Pick<SiteModel, 'analysis'>,
  items: readonly { commentary: Pick<Commentary, 'analysis'> }[],
): Record<string, Pick<Analysis, 'id' | 'title'>> {
  const titles: Record<string, Pick<Analysis, 'id' | 'title'>> = {};
  for (const { commentary } of items) {
    const { id, title } = site.analysis(commentary.analysis);
    titles[id] = { id, title };
  }
  return titles;
}

/**
 * A theme's expert columns that get a page of their own (`urls.themeByExpert`): those too long
 * for the theme page, which shows `THEME_COLUMN_PREVIEW` passages of each, and those the theme
 * page leaves out (`themePageColumns`), so that every expert's passages on a theme can be linked to.
 */
export function ownPageColumns(
  site: Pick<SiteModel, 'columnsFor' | 'onThemePage'>,
  themeId: string,
): ExpertColumn[] {
  return site
    .columnsFor(themeId)
    .filter(
      (column) =>
        column.passages.length > THEME_COLUMN_PREVIEW || !site.onThemePage(themeId, column.expert.id),
    );
}

/** Groups items by a key, keeping their order within each group. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * For each theme, the experts who speak to it (in the given expert order) with the passages
 * tagged with it (in the given commentary order). Computed in one pass over all passages.
 */
export function themeColumns(
  commentaries: readonly Commentary[],
  themes: readonly Theme[],
  experts: readonly Expert[],
): Map<string, ExpertColumn[]> {
  const cells = new Map<string, PassageInContext[]>();
  for (const commentary of commentaries) {
    for (const block of commentary.blocks) {
      if (block.kind !== 'passage') continue;
      for (const themeId of block.themes) {
        const key = `${themeId}\u0000${commentary.expert}`;
        const cell = cells.get(key) ?? [];
        cell.push(passageInContext(block, commentary));
        cells.set(key, cell);
      }
    }
  }
  const result = new Map<string, ExpertColumn[]>();
  for (const theme of themes) {
    result.set(
      theme.id,
      experts.flatMap((expert) => {
        const passages = cells.get(`${theme.id}\u0000${expert.id}`);
        return passages ? [{ expert, passages }] : [];
      }),
    );
  }
  return result;
}

/** A theme a commentary declares, with how many of its passages speak to it. */
export interface ThemeCount {
  theme: Theme;
  count: number;
}

/** The themes a commentary declares, in its declared order, each with its number of passages. */
export function commentaryThemeCounts(
  commentary: Pick<Commentary, 'themes' | 'passages'>,
  theme: (id: string) => Theme,
): ThemeCount[] {
  return commentary.themes.map((id) => ({
    theme: theme(id),
    count: commentary.passages.filter((p) => p.themes.includes(id)).length,
  }));
}

/** One question of an analysis, for a list that marks the one being read. */
export interface QuestionLink {
  commentaryId: string;
  question: string;
  expert: Expert;
  /** True for the commentary the reader is on. */
  current: boolean;
}

/** The questions of an analysis in published order, the one of `currentId` marked as current. */
export function analysisQuestions(
  analysis: Pick<Analysis, 'commentaries'>,
  expert: (id: string) => Expert,
  currentId?: string,
): QuestionLink[] {
  return analysis.commentaries.map((c) => ({
    commentaryId: c.id,
    question: c.question,
    expert: expert(c.expert),
    current: c.id === currentId,
  }));
}
