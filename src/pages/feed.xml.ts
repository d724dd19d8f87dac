import type { APIRoute } from 'astro';
import { analysesFeed, atomFeed } from '../lib/feeds';
import { loadSite } from '../lib/site';
import { links } from '../lib/urls';

/** The Atom feed of analyses, newest first. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(atomFeed(analysesFeed(site, links)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
