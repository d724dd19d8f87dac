import type { APIRoute } from 'astro';
import { loadSite } from '../lib/site';
import { sitePages, sitemapXml } from '../lib/sitemap';
import { links } from '../lib/urls';

/** Every page, by absolute URL, for search engines. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const locations = sitePages(site, links.urls).map(links.absolute);
  return new Response(sitemapXml(locations), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
