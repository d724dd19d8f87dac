import type { APIRoute } from 'astro';
import { analysesFeed, atomFeed } from '../outputs/feeds.ts';
import { loadLinks, loadSite } from '../content/site.ts';

/** The Atom feed of analyses, newest first. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const links = await loadLinks();
  return new Response(atomFeed(analysesFeed(site, links)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
