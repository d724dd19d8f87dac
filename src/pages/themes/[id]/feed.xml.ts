import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { atomFeed, themeFeed } from '../../../outputs/feeds.ts';
import { loadLinks, loadSite } from '../../../content/site.ts';
import { pageKey } from '../../../outputs/page-key.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  const links = await loadLinks();
  return site.themes.map((theme) => {
    const feed = themeFeed(site, links, theme.id);
    // The feed's data is all the route writes: its key is the feed.
    return { params: { id: theme.id }, props: { feed }, cacheKey: pageKey(feed) };
  });
}) satisfies GetStaticPaths;

/** The Atom feed of the commentaries that speak to one theme. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(atomFeed(props.feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
