import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataPart, splitParts, type OpenDataPart } from '../../../outputs/open-data.ts';
import { loadSite } from '../../../content/site.ts';
import { pageKey } from '../../../outputs/page-key.ts';
import { urls } from '../../../outputs/site-urls.ts';

/** The parts of the open-data export, listed by `data/commentaries.json`. */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  const parts = splitParts(site.analyses);
  return parts.map((_, i) => {
    const data = openDataPart(site, urls, parts, i + 1);
    return { params: { part: String(i + 1) }, props: { data }, cacheKey: pageKey(data) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: OpenDataPart }> = ({ props }) =>
  new Response(`${JSON.stringify(props.data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
