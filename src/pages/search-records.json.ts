import type { APIRoute } from 'astro';
import { loadSite } from '../content/site.ts';
import { recordsText, searchDocuments } from '../search/build/records.ts';

/**
 * The search records, derived from the site model, for the index writer
 * (src/search/build/integration.ts): this route is rendered first (src/search/build/prerenderer.ts)
 * and its records either checked against those Pagefind was given from the content check, or
 * handed to Pagefind while the other pages render; the file is removed at the end of the build,
 * never published. Its name is RECORDS_FILE in src/search/shared/bundle.mjs.
 */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(recordsText(searchDocuments(site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
