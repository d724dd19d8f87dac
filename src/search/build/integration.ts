/**
 * The search index: one Pagefind record per commentary, per analysis introduction and per theme
 * (see records.ts), derived from the site model by the build's own `search-records.json` route.
 * That route is rendered first and its records are handed to Pagefind at once (prerenderer.ts),
 * so that Pagefind, a process of its own, indexes on the second core while Astro renders the
 * pages; the last step of `astro build` waits for it, writes the bundle and removes the records
 * file. No page of the site is indexed.
 * Any failure, during the pages or after, stops the build at its end with its cause; a build
 * never succeeds without its index.
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { around, handingOffRecords, keepWrapped, type PrerendererSetting } from './prerenderer';
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

/** Pagefind's index of the records, built and checked, not yet written. */
export interface Indexed {
  index: pagefind.PagefindIndex;
  records: number;
}

/**
 * Starts Pagefind and indexes the documents, checking its answer for every record. On failure
 * Pagefind is stopped and the promise rejects with the reason.
 */
export async function indexRecords(
  records: readonly SearchDocument[],
  { deadline = DEADLINE_MS }: { deadline?: number } = {},
): Promise<Indexed> {
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
    return { index, records: records.length };
  } catch (error) {
    await withDeadline(pagefind.close(), deadline, 'stopping').catch(() => undefined);
    throw error;
  }
}

/**
 * Writes the bundle of an index `indexRecords` built to `outputPath`, stops Pagefind and removes
 * the files the site never loads. Returns the number of records and the bundle's size in bytes.
 */
export async function writeIndex(
  { index, records }: Indexed,
  outputPath: string,
  { deadline = DEADLINE_MS }: { deadline?: number } = {},
): Promise<{ records: number; bytes: number }> {
  try {
    const written = await withDeadline(
      index.writeFiles({ outputPath }),
      writeDeadline(records, deadline),
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
  return { records, bytes: await folderSize(outputPath) };
}

/**
 * Indexes the documents and writes Pagefind's bundle to `outputPath` (`indexRecords`, then
 * `writeIndex`). Returns the number of records and the bundle's size in bytes.
 */
export async function writeSearchIndex(
  records: readonly SearchDocument[],
  outputPath: string,
  options: { deadline?: number } = {},
): Promise<{ records: number; bytes: number }> {
  return writeIndex(await indexRecords(records, options), outputPath, options);
}

/**
 * The indexing started from the records handed over while the pages render: at most once a build
 * (the first records win), and never an unhandled rejection, since nothing awaits it until the
 * build is done, where `settle` gives its result or its error.
 */
export class EarlyIndexing {
  private indexing: Promise<Indexed> | undefined;
  private began = 0;

  constructor(
    private readonly index: (records: readonly SearchDocument[]) => Promise<Indexed> = indexRecords,
  ) {}

  /** Starts indexing the records once they are read, unless it has started already. */
  offer(records: Promise<readonly SearchDocument[]>): void {
    if (this.indexing) return;
    this.began = performance.now();
    this.indexing = records.then((documents) => this.index(documents));
    // Awaited at the end of the build; until then a failure must not end the process.
    this.indexing.catch(() => undefined);
  }

  /** The indexing under way and when it began, and forgets it (for the next build); `undefined` if none began. */
  settle(): { indexed: Promise<Indexed>; began: number } | undefined {
    const { indexing, began } = this;
    this.indexing = undefined;
    return indexing && { indexed: indexing, began };
  }
}

/** The Astro integration: indexes the passages while the pages render, and writes the index once the site is built. */
export function searchIndex(): AstroIntegration {
  const early = new EarlyIndexing();
  const wrap = (prerenderer: AstroPrerenderer) =>
    handingOffRecords(prerenderer, (records) => early.offer(records));
  let setBefore: () => PrerendererSetting | undefined = () => undefined;
  const integration: AstroIntegration = {
    name: 'perspectives:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        setBefore = keepWrapped(config.integrations, integration, wrap);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // Whatever an adapter or another integration set before is kept, inside the hand-off.
        setPrerenderer(around(setBefore(), wrap));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // The same paths the pages use, relative to the built site's root folder.
        const site = paths('/');
        const started = performance.now();
        const underWay = early.settle();
        try {
          const recordsFile = join(out, RECORDS_FILE);
          if (!existsSync(recordsFile))
            throw new Error(`the build wrote no ${RECORDS_FILE} (src/pages/${RECORDS_FILE}.ts).`);
          // The records were handed over while the pages rendered, unless that page was not rendered
          // (another prerenderer took over): then they are read from the file it wrote.
          const indexing =
            underWay?.indexed ??
            readFile(recordsFile, 'utf8').then((text) => indexRecords(JSON.parse(text) as SearchDocument[]));
          // The benchmark may keep a copy, to index other shapes of records (bench/index-variants.mjs).
          if (process.env.BENCH_KEEP_RECORDS) await copyFile(recordsFile, process.env.BENCH_KEEP_RECORDS);
          // The records are for Pagefind only: never published.
          await rm(recordsFile);
          const bundle = join(out, site.searchBundle());
          const { records, bytes } = await writeIndex(await indexing, bundle);
          const done = performance.now();
          logger.info(
            `Indexed ${records} records for search (${Math.round(bytes / 1024)} KiB in ${site.searchBundle()}) in ${Math.round(done - started)} ms.` +
              (underWay
                ? ` Indexing began while the pages rendered, ${Math.round(done - underWay.began)} ms before.`
                : ''),
          );
        } catch (error) {
          // Pagefind may still be running if the records file was missing or unreadable.
          await pagefind.close().catch(() => undefined);
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`The search index could not be built, so the build stops: ${reason}`, {
            cause: error,
          });
        }
      },
    },
  };
  return integration;
}
