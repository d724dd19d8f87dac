import type { APIRoute } from 'astro';
import { loadSite } from '../content/site.ts';
import { sitemapIndexXml, sitemapParts, sitePages, sitemapXml } from '../outputs/sitemap.ts';
import { links } from '../outputs/site-urls.ts';

/**
 * Every page, by absolute URL, for search engines. Past the protocol's 50,000 URLs a file, this is
 * a sitemap index of `sitemap-<n>.xml` parts (`sitemap-[part].xml.ts`), so robots.txt never changes.
 */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const parts = sitemapParts(sitePages(site, links.urls));
  const body =
    parts.length === 1
      ? sitemapXml(parts[0]!.map(links.absolute))
      : sitemapIndexXml(parts.map((_, i) => links.absolute(links.urls.sitemapPart(i + 1))));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
