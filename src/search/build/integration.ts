/**
 * The search index, written as the last step of `astro build`: one Pagefind record per commentary,
 * per analysis introduction and per theme (see records.ts), derived from the site model by the
 * build's own `search-records.json` route, which is read here and removed. No page of the site
 * is indexed.
 * Any failure stops the build with its cause; a build never succeeds without its index.
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { RECORDS_FILE, type SearchDocument } from './records';
import { paths } from '../../outputs/urls';

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

/** What writing the index may take per record, on top of the base deadline (measured: 60 s was too little for 13,000 records on a loaded 2-core machine). */
const WRITE_MS_PER_RECORD = 20;

/** The deadline for writing the index, which grows with it: `base` plus 20 ms a record. */
export function writeDeadline(records: number, base: number = DEADLINE_MS): number {
  return base + records * WRITE_MS_PER_RECORD;
}

/** How many records are handed to Pagefind at once: it indexes them concurrently. */
const BATCH = 64;

/**
 * Indexes the documents and writes Pagefind's bundle to `outputPath`,  checking Pagefind's answer
 * for every record. Returns the number of
 * records and the bundle's size in bytes.
 */
export async function writeSearchIndex(
  records: readonly SearchDocument[],
  outputPath: string,
  { deadline = DEADLINE_MS }: { deadline?: number } = {},
): Promise<{ records: number; bytes: number }> {
  try {
    const created = await withDeadline(pagefind.createIndex(), deadline, 'starting');
    check(created.errors, 'to start');
    const index = created.index;
    if (!index) throw new Error('Pagefind returned no index.');
    let indexed = 0;
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH);
      const added = await withDeadline(
        Promise.all(batch.map((record) => index.addHTMLFile(record))),
        deadline,
        `indexing ${batch[0]!.url} and the ${batch.length - 1} records after it`,
      );
      added.forEach((result, j) => {
        check(result.errors, `to index ${batch[j]!.url}`);
        // An HTML document without indexable text is skipped without an error.
        if (!result.file) throw new Error(`Pagefind did not index ${batch[j]!.url}.`);
        indexed += 1;
      });
    }
    if (indexed !== records.length)
      throw new Error(`Pagefind indexed ${indexed} records instead of ${records.length}.`);
    const written = await withDeadline(
      index.writeFiles({ outputPath }),
      writeDeadline(records.length, deadline),
      'writing the index',
    );
    check(written.errors, `to write the index to ${outputPath}`);
  } finally {
    await withDeadline(pagefind.close(), deadline, 'stopping').catch(() => undefined);
  }

  // pagefind.js is the bundle's documented entry point, which the search page imports.
  if (!existsSync(join(outputPath, 'pagefind.js')))
    throw new Error(`Pagefind wrote no pagefind.js to ${outputPath}.`);
  for (const name of await readdir(outputPath)) {
    if (UNUSED.test(name)) await rm(join(outputPath, name));
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
          const recordsFile = join(out, RECORDS_FILE);
          if (!existsSync(recordsFile))
            throw new Error(`the build wrote no ${RECORDS_FILE} (src/pages/${RECORDS_FILE}.ts).`);
          const documents = JSON.parse(await readFile(recordsFile, 'utf8')) as SearchDocument[];
          // The benchmark may keep a copy, to index other shapes of records (bench/index-variants.mjs).
          if (process.env.BENCH_KEEP_RECORDS) await copyFile(recordsFile, process.env.BENCH_KEEP_RECORDS);
          // The records are for Pagefind only: never published.
          await rm(recordsFile);
          const bundle = join(out, site.searchBundle());
          const { records, bytes } = await writeSearchIndex(documents, bundle);
          logger.info(
            `Indexed ${records} records for search (${Math.round(bytes / 1024)} KiB in ${site.searchBundle()}) in ${Math.round(performance.now() - started)} ms.`,
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
