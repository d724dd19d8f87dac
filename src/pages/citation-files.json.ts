import type { APIRoute } from 'astro';
import { loadLinks, loadSite } from '../content/site.ts';
import { citationFiles } from '../outputs/citation.ts';

/**
 * Every BibTeX and RIS file of the site, as one list for the build to write in one go
 * (src/outputs/integration.ts), which then removes this file: it is never published. Two small
 * files per commentary were half of the site's routes, and each route cost Astro a render, a
 * page write and a cache write of its own. Its name is CITATION_FILES in src/outputs/integration.ts.
 * The dev server serves the files from their own routes (_citation.ts).
 */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const links = await loadLinks();
  return new Response(JSON.stringify(citationFiles(site, links)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
