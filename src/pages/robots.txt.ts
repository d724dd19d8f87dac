import type { APIRoute } from 'astro';
import { robotsTxt } from '../outputs/sitemap.ts';
import { links } from '../outputs/site-urls.ts';

/**
 * Crawlers read robots.txt only at the root of a host: when the site is served under a sub-path,
 * copy the Sitemap line into the host's own robots.txt.
 */
export const GET: APIRoute = () =>
  new Response(robotsTxt(links.absolute(links.urls.sitemap())), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
