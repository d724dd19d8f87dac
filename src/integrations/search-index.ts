/**
 * The search index, written as the last step of `astro build`: one Pagefind custom record per
 * passage, read from the open-data export the build has just written. No HTML page is indexed.
 * Any failure stops the build with its cause; a build never succeeds without its index.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { facetFileName, type FacetValues } from '../lib/search';
import {
  facetFile,
  passageFacets,
  searchRecords,
  type OpenData,
  type SearchRecord,
} from '../lib/search-index';
import { paths } from '../lib/urls';

/** Files of Pagefind's bundle the site never loads: its ready-made interfaces and highlighter. */
const UNUSED = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;

/** How long one call to Pagefind may take before the build gives up on it. */
const DEADLINE_MS = 60_000;

/**
 * Rejects if `promise` has not settled within `ms`. Pagefind runs as a child process that does not
 * keep Node alive: if it crashes mid-call, its promise never settles and Node would simply exit,
 * with success. The timer keeps the process alive and turns that into an error.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `Pagefind did not finish ${what} within ${ms / 1000} s; if it crashed, its message is above.`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Throws when Pagefind reported errors. */
function check(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new Error(`Pagefind failed ${what}: ${errors.join('; ')}`);
}

/** Total size in bytes of the files in a folder tree. */
async function folderSize(path: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? await folderSize(full) : (await stat(full)).size;
  }
  return total;
}

/**
 * Each written record's Pagefind result id (its fragment's name), by permalink. A fragment is
 * gzipped JSON after the marker `pagefind_dcd`, as Pagefind's own browser code reads it.
 */
async function resultIds(outputPath: string): Promise<Map<string, string>> {
  const folder = join(outputPath, 'fragment');
  const ids = new Map<string, string>();
  for (const name of await readdir(folder)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(await readFile(join(folder, name))).toString('utf8');
    const { url } = JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string };
    ids.set(url, name.slice(0, -'.pf_fragment'.length));
  }
  return ids;
}

/** What Pagefind's `pagefind-entry.json` says of each language's index. */
interface PagefindEntry {
  languages: Record<string, { hash: string; page_count: number }>;
}

/**
 * The result ids in the order Pagefind's metadata lists its pages: the order the browser's
 * `search(null)` lists every record in, which the facet file's rows follow. The metadata is gzipped
 * `pagefind_dcd` then CBOR, with the page list (`[id, word count, …]` per page) first; an id is
 * stored as plain text, so the first place each one appears gives the order without decoding the rest.
 */
async function metadataOrder(
  outputPath: string,
  entry: PagefindEntry,
  ids: Iterable<string>,
): Promise<string[]> {
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) {
    throw new Error(`The search index has ${languages.length} languages; the search page expects one.`);
  }
  const meta = gunzipSync(await readFile(join(outputPath, `pagefind.${languages[0]!.hash}.pf_meta`)));
  const at = new Map<string, number>();
  for (const id of ids) {
    const position = meta.indexOf(id, 0, 'utf8');
    if (position === -1) throw new Error(`Pagefind's metadata does not list the record ${id}.`);
    at.set(id, position);
  }
  return [...at.keys()].sort((a, b) => at.get(a)! - at.get(b)!);
}

/**
 * Indexes the records and writes Pagefind's bundle to `outputPath`, then checks that the bundle
 * holds every record. With `facets` (each record's values, by url), also writes the facet file
 * the search page filters and counts with. Returns the number of records and the bundle's size in bytes.
 */
export async function writeSearchIndex(
  records: readonly SearchRecord[],
  outputPath: string,
  { facets, deadline = DEADLINE_MS }: { facets?: ReadonlyMap<string, FacetValues>; deadline?: number } = {},
): Promise<{ records: number; bytes: number }> {
  try {
    const created = await withDeadline(pagefind.createIndex(), deadline, 'starting');
    check(created.errors, 'to start');
    const index = created.index;
    if (!index) throw new Error('Pagefind returned no index.');
    for (const record of records) {
      const added = await withDeadline(index.addCustomRecord(record), deadline, `indexing ${record.url}`);
      check(added.errors, `to index ${record.url}`);
    }
    const written = await withDeadline(index.writeFiles({ outputPath }), deadline, 'writing the index');
    check(written.errors, `to write the index to ${outputPath}`);
  } finally {
    await withDeadline(pagefind.close(), deadline, 'stopping').catch(() => undefined);
  }

  const entryFile = join(outputPath, 'pagefind-entry.json');
  if (!existsSync(entryFile)) throw new Error(`Pagefind wrote no ${entryFile}.`);
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as PagefindEntry;
  const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
  if (indexed !== records.length) {
    throw new Error(`Pagefind indexed ${indexed} records instead of ${records.length}.`);
  }
  for (const name of await readdir(outputPath)) {
    if (UNUSED.test(name)) await rm(join(outputPath, name));
  }
  if (facets) {
    const ids = await resultIds(outputPath);
    const order = records.map((r) => r.url);
    const given = order.map((url) => ids.get(url));
    const listed = await metadataOrder(outputPath, entry, ids.values());
    if (given.join(',') !== listed.join(',')) {
      throw new Error(
        'Pagefind did not keep the records in the order they were given, which the facet file relies on (see FacetFile in src/lib/search.ts).',
      );
    }
    const file = facetFile(order, facets, ids);
    await writeFile(join(outputPath, facetFileName(file.checksum)), JSON.stringify(file));
  }
  return { records: records.length, bytes: await folderSize(outputPath) };
}

/** The Astro integration: indexes the passages once the site is built. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'perspectives:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // The same paths the pages use, relative to the built site's root folder.
        const site = paths('/');
        const started = performance.now();
        try {
          const data = JSON.parse(await readFile(join(out, site.data()), 'utf8')) as OpenData;
          const bundle = join(out, site.searchBundle());
          const { records, bytes } = await writeSearchIndex(searchRecords(data), bundle, {
            facets: passageFacets(data),
          });
          logger.info(
            `Indexed ${records} passages for search (${Math.round(bytes / 1024)} KiB in ${site.searchBundle()}) in ${Math.round(performance.now() - started)} ms.`,
          );
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`The search index could not be built, so the build stops: ${reason}`, {
            cause: error,
          });
        }
      },
    },
  };
}
