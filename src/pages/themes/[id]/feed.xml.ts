import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed, themeFeed } from '../../../outputs/feeds';
import { loadLinks, loadSite } from '../../../content/site';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.themes.map((theme) => ({ params: { id: theme.id } }));
}) satisfies GetStaticPaths;

/** The Atom feed of the commentaries that speak to one theme. */
export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const links = await loadLinks();
  return new Response(atomFeed(themeFeed(site, links, params.id!)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
