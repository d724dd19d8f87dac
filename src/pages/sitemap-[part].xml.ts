import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../content/site.ts';
import { sitemapParts, sitePages, sitemapXml } from '../outputs/sitemap.ts';
import { links } from '../outputs/site-urls.ts';

/** The parts of a sitemap too long for one file; none while `sitemap.xml` holds every page. */
export const getStaticPaths = (async () => {
  const parts = sitemapParts(sitePages(await loadSite(), links.urls));
  if (parts.length === 1) return [];
  return parts.map((pages, i) => ({ params: { part: String(i + 1) }, props: { pages } }));
}) satisfies GetStaticPaths;

/** One part of the sitemap: at most 50,000 absolute URLs. */
export const GET: APIRoute<{ pages: string[] }> = ({ props }) =>
  new Response(sitemapXml(props.pages.map(links.absolute)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
