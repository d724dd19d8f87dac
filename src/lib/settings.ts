/** Page-size limits that keep every page bounded however large the archive grows. */

/** Analyses listed on the home page; the archive has the rest. */
export const HOME_ANALYSES = 10;
/** Analyses per archive page. */
export const ARCHIVE_PAGE_SIZE = 20;
/** Passages per expert shown on a theme page; more link to the expert's page for that theme. */
export const THEME_COLUMN_PREVIEW = 5;
