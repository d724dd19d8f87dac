import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { atomFeed, expertFeed } from '../../../outputs/feeds.ts';
import { loadLinks, loadSite } from '../../../content/site.ts';
import { pageKey } from '../../../outputs/page-key.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  const links = await loadLinks();
  return site.experts.map((expert) => {
    const feed = expertFeed(site, links, expert.id);
    // The feed's data is all the route writes: its key is the feed.
    return { params: { id: expert.id }, props: { feed }, cacheKey: pageKey(feed) };
  });
}) satisfies GetStaticPaths;

/** The Atom feed of one expert's commentaries. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(atomFeed(props.feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
