/**
 * What crawlers read: the sitemap (sitemaps.org protocol 0.9) and robots.txt. Pure; the routes
 * `sitemap.xml.ts` and `robots.txt.ts` bind them to this build's absolute URLs.
 */
import { escapeXml } from './feeds';
import { archivePages, ownPageColumns, type SiteModel } from './model';
import type { paths } from './urls';

type Urls = ReturnType<typeof paths>;

/**
 * Every page a reader can land on, as site paths, following the routes' own rules (the archive's
 * pages; an expert's page for a theme only when the theme page cannot show all their passages).
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
      ...ownPageColumns(site, t.id).map((column) => urls.themeByExpert(t.id, column.expert.id)),
    ]),
    urls.experts(),
    ...site.experts.map((e) => urls.expert(e.id)),
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

/** robots.txt: everything may be crawled; the sitemap is named by its absolute URL. */
export function robotsTxt(sitemap: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`;
}
