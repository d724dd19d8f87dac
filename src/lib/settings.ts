/** Page-size limits that keep every page bounded however large the archive grows. */

/** Analyses listed on the home page; the archive has the rest. */
export const HOME_ANALYSES = 10;
/** Analyses per archive page. */
export const ARCHIVE_PAGE_SIZE = 20;
/** Passages per expert shown on a theme page; more link to the expert's page for that theme. */
export const THEME_COLUMN_PREVIEW = 5;
/** Other experts shown per theme in a commentary's related perspectives; the theme page has them all. */
export const RELATED_EXPERTS_PER_THEME = 4;
/** Passages shown per expert there; the theme page has the rest. */
export const RELATED_PASSAGES_PER_EXPERT = 2;
/** Entries in each Atom feed, newest first: a feed brings news, the archive keeps the rest. */
export const FEED_ENTRIES = 20;
/** Words beyond which an expert's bio is pointed out (a warning): a profile's bio is a few lines. */
export const BIO_MAX_WORDS = 150;
