import type { APIRoute } from 'astro';
import { openDataIndex, splitParts } from '../../outputs/open-data.ts';
import { loadSite } from '../../content/site.ts';
import { urls } from '../../outputs/site-urls.ts';

/** The open-data export's index: its counts and the address of each part (`data/commentaries/<n>.json`). */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(`${JSON.stringify(openDataIndex(site, urls, splitParts(site.analyses)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
