import type { APIRoute } from 'astro';
import { openData } from '../../lib/data';
import { loadSite } from '../../lib/site';
import { urls } from '../../lib/urls';

/** The open-data export, written at build time. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(`${JSON.stringify(openData(site, urls), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
