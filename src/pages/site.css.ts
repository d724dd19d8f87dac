import type { APIRoute } from 'astro';
import { accentStylesheet } from '../content/identity.ts';
import { loadIdentity } from '../content/site.ts';

/** The accent colour of site.yml as a stylesheet file: the CSP allows no inline style. */
export const GET: APIRoute = async () =>
  new Response(accentStylesheet((await loadIdentity()).accent), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
