/**
 * What crawlers read: the sitemap (sitemaps.org protocol 0.9) and robots.txt. Pure; the routes
 * `sitemap.xml.ts` and `robots.txt.ts` bind them to this build's absolute URLs.
 */
import { escapeXml } from '../util/escape.ts';
import {
  archivePages,
  expertPages,
  expertsIndexPages,
  ownPageColumns,
  themeExpertPages,
  type SiteModel,
} from '../model/model.ts';
import type { paths } from './urls.ts';

type Urls = ReturnType<typeof paths>;

/**
 * Every page a reader can land on, as site paths, following the routes' own rules (the pages
 * of each paginated list; an expert's page for a theme only when the theme page cannot show all their passages).
 * The e2e suite compares this list with the build. The search page is left out on purpose:
 * search results are not content, and search engines ask sites not to list them.
 */
export function sitePages(site: SiteModel, urls: Urls): string[] {
  return [
    urls.home(),
    ...archivePages(site).map((page) => urls.analyses(page.number)),
    ...site.analyses.map((a) => urls.analysis(a.id)),
    ...site.commentaries.map((c) => urls.commentary(c.id)),
    urls.themes(),
    ...site.themes.flatMap((t) => [
      urls.theme(t.id),
      ...ownPageColumns(site, t.id).flatMap((column) =>
        themeExpertPages(column).map((page) => urls.themeByExpert(t.id, column.expert.id, page.number)),
      ),
    ]),
    ...expertsIndexPages(site).map((page) => urls.experts(page.number)),
    ...site.experts.flatMap((e) => expertPages(site, e.id).map((page) => urls.expert(e.id, page.number))),
  ];
}

/**
 * A sitemap of absolute URLs. No `lastmod`: the content knows when a piece was first published,
 * not when its page last changed, and a wrong date is worse than none.
 */
export function sitemapXml(locations: readonly string[]): string {
  const urls = locations.map((loc) => `  <url><loc>${escapeXml(loc)}</loc></url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}</urlset>\n`;
}

/** The sitemaps.org protocol's cap on the URLs of one sitemap file. */
export const SITEMAP_LIMIT = 50_000;

/**
 * The sitemap files of a site: one while its pages fit in one file, else parts of at most `limit`
 * URLs each, in page order, which `sitemap.xml` then lists as a sitemap index.
 */
export function sitemapParts<T>(locations: readonly T[], limit = SITEMAP_LIMIT): T[][] {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`a sitemap holds at least one URL, not ${limit}`);
  const parts: T[][] = [];
  for (let start = 0; start < locations.length; start += limit)
    parts.push(locations.slice(start, start + limit));
  return parts.length > 0 ? parts : [[]];
}

/** A sitemap index: the absolute URLs of the sitemap files it lists. */
export function sitemapIndexXml(sitemaps: readonly string[]): string {
  const entries = sitemaps.map((loc) => `  <sitemap><loc>${escapeXml(loc)}</loc></sitemap>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</sitemapindex>\n`;
}

/** robots.txt: everything may be crawled; the sitemap is named by its absolute URL. */
export function robotsTxt(sitemap: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`;
}
