/**
 * Every internal URL of the site is built here, so that the base path is applied in one place.
 * The pure `paths(base)` is unit-tested; the default export is bound to Astro's BASE_URL.
 */

/** Joins a base path (with leading and trailing slash) and a site-relative path. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** Splits an id such as `analysis/expert` into URL-safe segments. */
function segments(id: string): string {
  return id
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/** Returns the URL builders for a site served at `base`. */
export function paths(base: string) {
  const at = (path: string) => withBase(base, path);
  return {
    home: () => at(''),
    analysis: (id: string) => at(`analyses/${segments(id)}/`),
    commentary: (id: string) => at(`commentaries/${segments(id)}/`),
    passage: (commentaryId: string, passageId: string) =>
      `${at(`commentaries/${segments(commentaryId)}/`)}#${encodeURIComponent(passageId)}`,
    experts: () => at('experts/'),
    expert: (id: string) => at(`experts/${segments(id)}/`),
    themes: () => at('themes/'),
    theme: (id: string) => at(`themes/${segments(id)}/`),
    /** The expert's column on a theme page. */
    themeExpert: (themeId: string, expertId: string) =>
      `${at(`themes/${segments(themeId)}/`)}#${encodeURIComponent(`expert-${expertId}`)}`,
    search: () => at('search/'),
    /** The folder of the search index and Pagefind's script, written by the build. */
    searchBundle: () => at('pagefind/'),
    data: () => at('data/commentaries.json'),
    asset: (file: string) => at(file),
  };
}

/** The URL builders of this build, bound to Astro's configured base path. */
export const urls = paths(import.meta.env.BASE_URL);

/** Turns a site path into an absolute URL on `site` (for canonical links and feeds). */
export function absolute(site: URL | string | undefined, path: string): string {
  return site ? new URL(path, site).href : path;
}
