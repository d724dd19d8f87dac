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
/** Words of each passage quoted there. */
export const RELATED_EXCERPT_WORDS = 24;
/** Entries in each Atom feed, newest first: a feed brings news, the archive keeps the rest. */
export const FEED_ENTRIES = 20;
/** Words beyond which an expert's bio is pointed out (a warning): a profile's bio is a few lines. */
export const BIO_MAX_WORDS = 150;
/** Width of the link-preview image made from a lead image (1,200 px is what Open Graph readers show best). */
export const SHARE_IMAGE_WIDTH = 1200;
/** Widths made of a lead image for its srcset, in CSS pixels at one and two device pixels a CSS pixel. */
export const LEAD_IMAGE_WIDTHS = [480, 720, 960, 1440] as const;
/** Side of a portrait on an expert's profile, in CSS pixels (its srcset has it at 1× and 2×). */
export const PORTRAIT_SIZE = 160;
/** Side of a portrait in the list of experts, in CSS pixels. */
export const PORTRAIT_THUMB_SIZE = 56;
/** Experts shown as columns of the home page's theme × expert matrix: those with the most passages on the themes; the experts index has them all. */
export const HOME_MATRIX_EXPERTS = 12;
/** Expert columns on a theme page (three rows of three): those with the most passages on the theme; the search page lists every passage on it. */
export const THEME_PAGE_EXPERTS = 9;
/** Analyses in a theme page's timeline, newest first; the search page, newest first, has the older ones. */
export const THEME_TIMELINE_ANALYSES = 24;
/** Commentaries per page of an expert's profile, newest first, as many as an archive page; the profile, bio and themes are on page 1 only. */
export const EXPERT_PAGE_COMMENTARIES = 20;
/** Passages per page of an expert's page on a theme, newest first, as many as an archive page. */
export const THEME_EXPERT_PAGE_PASSAGES = 20;
/** Experts per page of the experts index, in name order. */
export const EXPERTS_PAGE_SIZE = 50;
/** Commentaries per part of the open-data export (`data/commentaries/<n>.json`), in site order. */
export const OPEN_DATA_PART_SIZE = 100;
