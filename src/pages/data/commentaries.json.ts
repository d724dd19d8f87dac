import type { APIRoute } from 'astro';
import { openData } from '../../outputs/open-data';
import { loadSite } from '../../content/site';
import { urls } from '../../outputs/urls';

/** The open-data export, written at build time. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(`${JSON.stringify(openData(site, urls), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
