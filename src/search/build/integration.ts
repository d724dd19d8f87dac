/**
 * The search index: one Pagefind record per commentary, per analysis introduction and per theme
 * (see records.ts), derived from the site model. Pagefind, a process of its own, indexes and writes
 * its bundle on the second core while Astro works on the first; the last step of `astro build`
 * waits for it (moving the bundle if the site was written elsewhere) and removes the records file.
 * It is given the records derived from the content check (checked.ts) as soon as Astro's
 * configuration is done; the build's own `search-records.json` route, rendered first
 * (prerenderer.ts), derives them again from Astro's content layer, and if they differ the build
 * warns and indexes the route's. Without records from the check (a bare `astro build` whose
 * check derived none, another prerenderer), the route's are handed to Pagefind as they are
 * rendered. No page of the site is indexed.
 * A large archive's records are left instead for scripts/build.mjs, which indexes them once
 * Astro's process has ended (pagefind.mjs, INDEX_AFTER_ASTRO_FROM), to lower the build's peak memory.
 * Any failure, during the pages or after, stops the build at its end with its cause; a build
 * never succeeds without its index.
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import {
  HANDOFF_FILE,
  INDEX_AFTER_ASTRO_FROM,
  handOff,
  indexAfterAstro,
  indexedLine,
  writeSearchIndex,
} from './pagefind.mjs';
import { bodyDigest, recordsDigest, type CheckedRecords } from './checked.ts';
import { around, handingOffRecords, keepWrapped, recordsIn, type PrerendererSetting } from './prerenderer.ts';
import { RECORDS_FILE, type SearchDocument } from './records.ts';
import { paths } from '../../outputs/urls.ts';

/** A written index: where, how many records and how many bytes. */
export interface Written {
  bundle: string;
  records: number;
  bytes: number;
}

/**
 * Indexes `documents` and writes the bundle to `bundle`, Pagefind's whole job: started as soon as the
 * records are given, it runs in Pagefind's process while Astro works.
 */
export async function indexAndWrite(documents: readonly SearchDocument[], bundle: string): Promise<Written> {
  return { bundle, ...(await writeSearchIndex(documents, bundle)) };
}

/**
 * The work started from the first records given, from the content check or the records route: at
 * most once a build (the first records win), and never an unhandled rejection, since nothing awaits it until the
 * build is done, where `settle` gives its result or its error.
 */
export class EarlyIndexing<T> {
  private work: { done: Promise<T>; began: number } | undefined;

  private readonly run: (records: readonly SearchDocument[]) => Promise<T>;

  constructor(run: (records: readonly SearchDocument[]) => Promise<T>) {
    this.run = run;
  }

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

/** What the work on the records handed over gives: the index written, or the records left for scripts/build.mjs. */
type Indexing = (Written & { finished: number }) | { left: number; handed?: boolean };

/** Indexes the records into `bundle`, unless there are enough of them to leave to scripts/build.mjs. */
async function indexing(documents: readonly SearchDocument[], bundle: string): Promise<Indexing> {
  if (indexAfterAstro(documents.length, process.env)) return { left: documents.length };
  return { ...(await indexAndWrite(documents, bundle)), finished: performance.now() };
}

/** Where the built site's search bundle goes, in the folder `out`. */
function bundleIn(out: string): string {
  // The same paths the pages use, relative to the built site's root folder.
  return join(out, paths('/').searchBundle());
}

/**
 * The Astro integration: Pagefind indexes the records and writes its bundle while the pages render;
 * the end of the build waits for it. With `checked`, the records derived from the content check
 * (checked.ts) are indexed from the start of the build instead, unless the route's differ.
 */
export function searchIndex({ checked }: { checked?: Pick<CheckedRecords, 'claim'> } = {}): AstroIntegration {
  // Where the pages are being written: the folder `astro:build:done` will name, for a static site.
  let outDir: string | undefined;
  const early = new EarlyIndexing(async (documents) => {
    if (outDir === undefined) throw new Error('the build started before its configuration was done.');
    const outcome = await indexing(documents, bundleIn(outDir));
    // Left for scripts/build.mjs: handed over now, so that Pagefind takes them while the pages render.
    return 'left' in outcome ? { ...outcome, handed: await handOff(documents, outDir) } : outcome;
  });
  /** The digests of the records from the content check that Pagefind was given, and of the route's. */
  let fromCheck: string | undefined;
  let fromRoute: Promise<string> | undefined;
  const wrap = (prerenderer: AstroPrerenderer) =>
    handingOffRecords(prerenderer, (body) => {
      if (fromCheck === undefined) return early.offer(body.then(recordsIn));
      // Compared by the digest of the body, never read back into records (checked.ts).
      fromRoute = body.then(bodyDigest);
      // Read at the end of the build; until then a failure must not end the process.
      fromRoute.catch(() => undefined);
    });
  let setBefore: () => PrerendererSetting | undefined = () => undefined;
  const integration: AstroIntegration = {
    name: 'perspectives:search-index',
    hooks: {
      'astro:config:done': ({ config, buildOutput }) => {
        // A server build's pages go to build.client instead: the bundle is moved there at the end.
        outDir = fileURLToPath(buildOutput === 'static' ? config.outDir : config.build.client);
        setBefore = keepWrapped(config.integrations, integration, wrap);
        const documents = checked?.claim();
        if (documents) {
          fromCheck = recordsDigest(documents);
          early.offer(Promise.resolve(documents));
        }
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // Whatever an adapter or another integration set before is kept, inside the hand-off.
        setPrerenderer(around(setBefore(), wrap));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        const underWay = early.settle();
        const given = fromCheck;
        const routeRecords = fromRoute;
        fromCheck = fromRoute = undefined;
        try {
          const recordsFile = join(out, RECORDS_FILE);
          if (!existsSync(recordsFile))
            throw new Error(`the build wrote no ${RECORDS_FILE} (src/pages/${RECORDS_FILE}.ts).`);
          // The benchmark may keep a copy, to index other shapes of records (bench/index-variants.mjs).
          if (process.env.BENCH_KEEP_RECORDS) await copyFile(recordsFile, process.env.BENCH_KEEP_RECORDS);
          const bundle = bundleIn(out);
          // The records page was not rendered by our prerenderer (another one took over): its file is read.
          const written = async () => JSON.parse(await readFile(recordsFile, 'utf8')) as SearchDocument[];
          let outcome: Indexing;
          if (underWay) outcome = await underWay.done;
          else outcome = await indexing(await written(), bundle);
          let again = false;
          if (
            given !== undefined &&
            given !== (await (routeRecords ?? readFile(recordsFile).then(bodyDigest)))
          ) {
            again = true;
            logger.warn(
              `The search records derived from the content check differ from the build’s (${RECORDS_FILE}): indexing the build’s.`,
            );
            if (!('left' in outcome)) await rm(outcome.bundle, { recursive: true, force: true });
            outcome = await indexing(await written(), bundle);
          }
          if ('left' in outcome) {
            const how = outcome.handed
              ? `Handed ${outcome.left} records over to scripts/build.mjs (${HANDOFF_FILE}), which writes the index`
              : `Left ${outcome.left} records in ${RECORDS_FILE} for scripts/build.mjs to index`;
            logger.info(
              `${how} once this process has ended (${INDEX_AFTER_ASTRO_FROM}), so that Pagefind and Astro never hold their memory at once.`,
            );
            return;
          }
          if (outcome.bundle !== bundle) {
            await rm(bundle, { recursive: true, force: true });
            await rename(outcome.bundle, bundle);
          }
          // The records are for Pagefind only: never published.
          await rm(recordsFile);
          const when = given !== undefined ? 'from the content check on' : 'while the pages rendered';
          const beside =
            underWay && !again
              ? `Pagefind indexed and wrote them ${when}, in ${Math.round(outcome.finished - underWay.began)} ms.`
              : '';
          logger.info(indexedLine(outcome, paths('/').searchBundle(), performance.now() - started, beside));
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
