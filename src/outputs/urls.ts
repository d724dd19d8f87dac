/**
 * Every internal URL of the site is built here, so that the base path is applied in one place.
 * The pure `paths(base)` is unit-tested; `site-urls.ts` binds it to Astro's BASE_URL for pages.
 * Nothing here reads `import.meta.env`: the build's integrations use this module too, and Astro
 * loads them with its configuration by Node alone, without Vite.
 */
import { SEARCH_BUNDLE_FOLDER } from '../search/shared/bundle.mjs';
import { CITATION_FORMATS } from './citation-formats.mjs';
import { remembered } from '../util/memo.ts';

/** Joins a base path (with leading and trailing slash) and a site-relative path. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** Splits an id such as `analysis/expert` into URL-safe segments; once per id, which pages link to again and again. */
const segments = remembered((id) =>
  id
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/'),
);

/** Returns the URL builders for a site served at `base`. */
export function paths(base: string) {
  const at = (path: string) => withBase(base, path);
  return {
    home: () => at(''),
    /** The analyses archive; page 1 is the archive's own address. */
    analyses: (page = 1) => at(page <= 1 ? 'analyses/' : `analyses/page/${page}/`),
    analysis: (id: string) => at(`analyses/${segments(id)}/`),
    commentary: (id: string) => at(`commentaries/${segments(id)}/`),
    /** The "Cite this" section of a commentary's page. */
    commentaryCite: (id: string) => `${at(`commentaries/${segments(id)}/`)}#cite`,
    passage: (commentaryId: string, passageId: string) =>
      `${at(`commentaries/${segments(commentaryId)}/`)}#${encodeURIComponent(passageId)}`,
    /** The experts index; page 1 is the index's own address. */
    experts: (page = 1) => at(page <= 1 ? 'experts/' : `experts/page/${page}/`),
    /** An expert's page; page 1 (the profile) is its own address, then their older commentaries. */
    expert: (id: string, page = 1) =>
      at(page <= 1 ? `experts/${segments(id)}/` : `experts/${segments(id)}/page/${page}/`),
    themes: () => at('themes/'),
    theme: (id: string) => at(`themes/${segments(id)}/`),
    /** The expert's column on a theme page. */
    themeExpert: (themeId: string, expertId: string) =>
      `${at(`themes/${segments(themeId)}/`)}#${encodeURIComponent(`expert-${expertId}`)}`,
    /** Every passage of one expert on one theme. */
    themeByExpert: (themeId: string, expertId: string, page = 1) =>
      at(`themes/${segments(themeId)}/${segments(expertId)}/${page <= 1 ? '' : `page/${page}/`}`),
    /**
     * Where an expert's passages on a theme are: their column on the theme page when it has one
     * (`onThemePage`), else their page on the theme (`SiteModel.onThemePage`, `ownPageColumns`).
     */
    expertOnTheme: (themeId: string, expertId: string, onThemePage: boolean) =>
      onThemePage
        ? `${at(`themes/${segments(themeId)}/`)}#${encodeURIComponent(`expert-${expertId}`)}`
        : at(`themes/${segments(themeId)}/${segments(expertId)}/`),
    search: () => at('search/'),
    /** The search page browsing every passage on a theme, newest first (`parseSearchState` reads it). */
    themeSearch: (themeId: string) =>
      `${at('search/')}?${new URLSearchParams([
        ['theme', themeId],
        ['sort', 'newest'],
      ]).toString()}`,
    /** The folder of the search index and Pagefind's script, written by the build. */
    searchBundle: () => at(`${SEARCH_BUNDLE_FOLDER}/`),
    /** The open-data export's index: what it holds and the address of each of its parts. */
    data: () => at('data/commentaries.json'),
    /** One part of the open-data export (numbered from 1), listed by `data()`. */
    dataPart: (n: number) => at(`data/commentaries/${n}.json`),
    /** The bottom lines of one analysis's commentaries, which search results fetch (`summaries.ts`). */
    bottomLines: (analysisId: string) => at(`data/bottom-lines/${segments(analysisId)}.json`),
    asset: (file: string) => at(file),
    /** The stylesheet of the publication's accent colour, written from site.yml. */
    siteStyles: () => at('site.css'),
    /** The Atom feed of analyses, newest first. */
    feed: () => at('feed.xml'),
    /** The Atom feed of one expert's commentaries. */
    expertFeed: (id: string) => at(`experts/${segments(id)}/feed.xml`),
    /** The Atom feed of the commentaries that speak to one theme. */
    themeFeed: (id: string) => at(`themes/${segments(id)}/feed.xml`),
    /** A reference-manager file (BibTeX or RIS) for an analysis. */
    analysisCitation: (id: string, format: CitationFormat) =>
      at(`analyses/${segments(id)}/citation.${format}`),
    /** A reference-manager file (BibTeX or RIS) for a commentary. */
    commentaryCitation: (id: string, format: CitationFormat) =>
      at(`commentaries/${segments(id)}/citation.${format}`),
    sitemap: () => at('sitemap.xml'),
    /** One part of a sitemap too long for one file (numbered from 1), listed by `sitemap.xml`. */
    sitemapPart: (n: number) => at(`sitemap-${n}.xml`),
    robots: () => at('robots.txt'),
  };
}

/** The downloadable citation files: BibTeX and RIS. */
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export { CITATION_FORMATS };

/** Turns a site path into an absolute URL on `site` (for canonical links and feeds). */
export function absolute(site: URL | string | undefined, path: string): string {
  return site ? new URL(path, site).href : path;
}

/** What sitemaps and robots.txt need to point at the site from elsewhere. */
export interface UrlContext {
  urls: ReturnType<typeof paths>;
  /** Turns a site path into an absolute URL (SITE_URL and the base path). */
  absolute: (path: string) => string;
}

/** Who publishes the site, as citations, feeds and JSON-LD name it (from `site.yml`). */
export interface Publisher {
  name: string;
  /** Absolute URL: the publisher's own, or this site's home. */
  url: string;
  /** Absolute URL of the logo image, if the site has one. */
  logo?: string;
}

/** What feeds, citations and structured data need: URLs, and the publication's identity. */
export interface LinkContext extends UrlContext {
  /** The publication's name (`site.yml` › name). */
  siteName: string;
  publisher: Publisher;
  /** BCP 47 language of the pages (`site.yml` › language). */
  language: string;
}
