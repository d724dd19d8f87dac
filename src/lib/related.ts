/** Related perspectives: for each theme of a commentary, what the other experts said on it. */
import type { Commentary, ExpertColumn, SiteModel, Theme } from './model';

/** One theme of a commentary and the other experts' passages on it. */
export interface RelatedTheme {
  theme: Theme;
  /** Other experts who speak to the theme, in site order, each with their passages. */
  columns: ExpertColumn[];
}

/**
 * For each theme the commentary declares, in its order, the other experts' passages on that theme
 * (from any analysis). Reads the theme × expert columns the model computed once per build, so a
 * page costs no pass over the corpus. Themes no other expert speaks to are left out.
 */
export function relatedPerspectives(
  commentary: Pick<Commentary, 'expert' | 'themes'>,
  site: Pick<SiteModel, 'theme' | 'columnsFor'>,
): RelatedTheme[] {
  return commentary.themes.flatMap((themeId) => {
    const columns = site.columnsFor(themeId).filter((column) => column.expert.id !== commentary.expert);
    return columns.length > 0 ? [{ theme: site.theme(themeId), columns }] : [];
  });
}
