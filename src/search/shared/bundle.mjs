// Plain JavaScript, so that scripts/build.mjs reads the same names as the pages and the index writer.

/** The folder of the built site that holds Pagefind's bundle: the index and the script that reads it. */
export const SEARCH_BUNDLE_FOLDER = 'pagefind';

/**
 * Where the build writes the records for the index writer (`src/pages/search-records.json.ts`),
 * relative to the built site. Whoever indexes them removes the file: it is never published.
 */
export const RECORDS_FILE = 'search-records.json';
