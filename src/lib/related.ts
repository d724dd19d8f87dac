/** Related perspectives: for each theme of a commentary, what the other experts said on it. */
import type { Commentary, Expert, PassageInContext, SiteModel, Theme } from './model';
import { preview } from './paging';
import { RELATED_EXPERTS_PER_THEME, RELATED_PASSAGES_PER_EXPERT } from './settings';

/** One other expert's passages on a theme, as many as fit, and how many more there are. */
export interface RelatedColumn {
  expert: Expert;
  passages: PassageInContext[];
  /** Passages by this expert on the theme left out here (the theme page has them). */
  more: number;
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

/** Stable partition: the items that pass first, in their order, then the rest. */
const firstThose = <T>(items: readonly T[], pass: (item: T) => boolean) => [
  ...items.filter(pass),
  ...items.filter((item) => !pass(item)),
];

/**
 * For each theme the commentary declares, in its order, the other experts' passages on it. The
 * conversation the reader is in comes first: experts and passages of the same analysis, then
 * the rest in reading order (newest first). Reads the theme × expert columns the model computed
 * once per build, so a page costs no pass over the corpus; at most `limits.experts` experts and
 * `limits.passages` passages each are shown. Themes no other expert speaks to are left out.
 */
export function relatedPerspectives(
  commentary: Pick<Commentary, 'expert' | 'themes' | 'analysis'>,
  site: Pick<SiteModel, 'theme' | 'columnsFor'>,
  limits: RelatedLimits = { experts: RELATED_EXPERTS_PER_THEME, passages: RELATED_PASSAGES_PER_EXPERT },
): RelatedTheme[] {
  const here = (item: PassageInContext) => item.commentary.analysis === commentary.analysis;
  return commentary.themes.flatMap((themeId) => {
    const others = site.columnsFor(themeId).filter((column) => column.expert.id !== commentary.expert);
    if (others.length === 0) return [];
    const ordered = firstThose(others, (column) => column.passages.some(here));
    const { shown, hidden } = preview(ordered, limits.experts);
    const columns = shown.map((column) => {
      const passages = preview(firstThose(column.passages, here), limits.passages);
      return { expert: column.expert, passages: passages.shown, more: passages.hidden };
    });
    return [{ theme: site.theme(themeId), columns, moreExperts: hidden }];
  });
}
