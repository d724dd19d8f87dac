/**
 * The search index: one Pagefind record per commentary, per analysis introduction and per theme
 * (see records.ts), derived from the site model by the build's own `search-records.json` route.
 * That route is rendered first and its records are handed to Pagefind at once (prerenderer.ts),
 * so that Pagefind, a process of its own, indexes and writes its bundle on the second core while
 * Astro renders the pages; the last step of `astro build` waits for it (moving the bundle if the
 * site was written elsewhere) and removes the records file. No page of the site is indexed.
 * Any failure, during the pages or after, stops the build at its end with its cause; a build
 * never succeeds without its index.
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
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

/**
 * Indexes the documents and writes Pagefind's bundle to `outputPath` (replacing whatever is there), checking Pagefind's answer
 * for every record, then stops Pagefind (also on failure, so that the next index starts afresh) and
 * removes the files the site never loads. Returns the number of records and the bundle's size in bytes.
 */
export async function writeSearchIndex(
  records: readonly SearchDocument[],
  outputPath: string,
  { deadline = DEADLINE_MS }: { deadline?: number } = {},
): Promise<{ records: number; bytes: number }> {
  // A bundle already there is an earlier build's (the output folder is kept between builds): it is
  // removed while Pagefind indexes, and the new one written into an empty folder.
  const cleared = rm(outputPath, { recursive: true, force: true });
  cleared.catch(() => undefined);
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
    await cleared;
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

/** A written index: where, how many records and how many bytes. */
export interface Written {
  bundle: string;
  records: number;
  bytes: number;
}

/**
 * Indexes `documents` and writes the bundle to `bundle`, Pagefind's whole job: started as soon as the
 * records are handed over, it runs in Pagefind's process while Astro renders the pages.
 */
export async function indexAndWrite(documents: readonly SearchDocument[], bundle: string): Promise<Written> {
  return { bundle, ...(await writeSearchIndex(documents, bundle)) };
}

/**
 * The work started from the records handed over while the pages render: at most once a build
 * (the first records win), and never an unhandled rejection, since nothing awaits it until the
 * build is done, where `settle` gives its result or its error.
 */
export class EarlyIndexing<T> {
  private work: { done: Promise<T>; began: number } | undefined;

  constructor(private readonly run: (records: readonly SearchDocument[]) => Promise<T>) {}

  /** Starts the work on the records once they are read, unless it has started already. */
  offer(records: Promise<readonly SearchDocument[]>): void {
    if (this.work) return;
    const done = records.then((documents) => this.run(documents));
    // Awaited at the end of the build; until then a failure must not end the process.
    done.catch(() => undefined);
    this.work = { done, began: performance.now() };
  }

  /** The work under way and when it began, forgotten for the next build; `undefined` if no records were handed over. */
  settle(): { done: Promise<T>; began: number } | undefined {
    const { work } = this;
    this.work = undefined;
    return work;
  }
}

/** Where the built site's search bundle goes, in the folder `out`. */
function bundleIn(out: string): string {
  // The same paths the pages use, relative to the built site's root folder.
  return join(out, paths('/').searchBundle());
}

/**
 * The Astro integration: Pagefind indexes the records and writes its bundle while the pages render;
 * the end of the build waits for it.
 */
export function searchIndex(): AstroIntegration {
  // Where the pages are being written: the folder `astro:build:done` will name, for a static site.
  let outDir: string | undefined;
  const early = new EarlyIndexing(async (documents) => {
    if (outDir === undefined) throw new Error('the build started before its configuration was done.');
    return { ...(await indexAndWrite(documents, bundleIn(outDir))), finished: performance.now() };
  });
  const wrap = (prerenderer: AstroPrerenderer) =>
    handingOffRecords(prerenderer, (records) => early.offer(records));
  let setBefore: () => PrerendererSetting | undefined = () => undefined;
  const integration: AstroIntegration = {
    name: 'perspectives:search-index',
    hooks: {
      'astro:config:done': ({ config, buildOutput }) => {
        // A server build's pages go to build.client instead: the bundle is moved there at the end.
        outDir = fileURLToPath(buildOutput === 'static' ? config.outDir : config.build.client);
        setBefore = keepWrapped(config.integrations, integration, wrap);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // Whatever an adapter or another integration set before is kept, inside the hand-off.
        setPrerenderer(around(setBefore(), wrap));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        const underWay = early.settle();
        try {
          const recordsFile = join(out, RECORDS_FILE);
          if (!existsSync(recordsFile))
            throw new Error(`the build wrote no ${RECORDS_FILE} (src/pages/${RECORDS_FILE}.ts).`);
          // The benchmark may keep a copy, to index other shapes of records (bench/index-variants.mjs).
          if (process.env.BENCH_KEEP_RECORDS) await copyFile(recordsFile, process.env.BENCH_KEEP_RECORDS);
          const bundle = bundleIn(out);
          let written: Written;
          let pagefindMs: number | undefined;
          if (underWay) {
            const ready = await underWay.done;
            if (ready.bundle !== bundle) {
              await rm(bundle, { recursive: true, force: true });
              await rename(ready.bundle, bundle);
            }
            written = ready;
            pagefindMs = ready.finished - underWay.began;
          } else {
            // The records page was not rendered by our prerenderer (another one took over): its file is read.
            const documents = JSON.parse(await readFile(recordsFile, 'utf8')) as SearchDocument[];
            written = await indexAndWrite(documents, bundle);
          }
          // The records are for Pagefind only: never published.
          await rm(recordsFile);
          logger.info(
            `Indexed ${written.records} records for search (${Math.round(written.bytes / 1024)} KiB in ${paths('/').searchBundle()}) in ${Math.round(performance.now() - started)} ms.` +
              (pagefindMs === undefined
                ? ''
                : ` Pagefind indexed and wrote them while the pages rendered, in ${Math.round(pagefindMs)} ms.`),
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
  return integration;
}
