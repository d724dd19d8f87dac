import type { APIRoute } from 'astro';
import { loadSite } from '../content/site';
import { searchDocuments } from '../search/build/records';

/**
 * The search records, derived from the site model, for the index writer at the end of the build
 * (src/search/build/integration.ts), which reads this file and removes it: it is never published.
 * Its name is RECORDS_FILE in src/search/build/records.ts.
 */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(JSON.stringify(searchDocuments(site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
