import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed, expertFeed } from '../../../outputs/feeds';
import { loadLinks, loadSite } from '../../../content/site';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.experts.map((expert) => ({ params: { id: expert.id } }));
}) satisfies GetStaticPaths;

/** The Atom feed of one expert's commentaries. */
export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const links = await loadLinks();
  return new Response(atomFeed(expertFeed(site, links, params.id!)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
