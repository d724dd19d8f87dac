// Pagefind's whole job, in plain JavaScript so that both places that run it load it: the build's
// last step in Astro's process (integration.ts), and scripts/build.mjs, which writes a large
// archive's index once Astro's process has ended (see INDEX_AFTER_ASTRO_FROM).
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
import * as pagefind from 'pagefind';
import { eachAtOnce, listFiles, removeFiles } from '../../util/folder.mjs';
import { RECORDS_FILE, SEARCH_BUNDLE_FOLDER } from '../shared/bundle.mjs';

/** @typedef {import('./records.ts').SearchDocument} SearchDocument */

/**
 * From how many records the index is written after Astro's process has ended, by
 * `scripts/build.mjs`, rather than by Astro's process (the variable's value; empty, never).
 * Pagefind holds about 2.5 GB while it writes the index of 13,000 records, and Astro's process
 * holds 2.0-2.8 GB until its end: so for a large archive Astro's process hands the records over
 * (`handOff`), Pagefind takes them while the pages render (about 0.5 GB) and writes the index once
 * Astro's process has ended, and a build of 10,000 commentaries stays under 3 GB instead of 4.5.
 * That write comes after the pages instead of beside them: a smaller archive is indexed by Astro's
 * process, which is faster. `scripts/build.mjs` sets INDEX_AFTER_ASTRO_DEFAULT when the variable is
 * unset; `astro build` on its own never leaves the records (HANDOFF).
 */
export const INDEX_AFTER_ASTRO_FROM = 'PERSPECTIVES_INDEX_AFTER_ASTRO_FROM';

/** Set to 1 by scripts/build.mjs, which takes the records handed over (`handOff`) through an IPC channel. */
export const HANDOFF = 'PERSPECTIVES_SEARCH_HANDOFF';

/** The number of records from which `scripts/build.mjs` indexes after Astro, by default. */
export const INDEX_AFTER_ASTRO_DEFAULT = 5_000;

/**
 * Whether records this many are left for `scripts/build.mjs` to index, by the environment `env`:
 * never unless that script started this process (HANDOFF), so that `astro build` run on its own
 * always writes its index.
 * @param {number} records
 * @param {Record<string, string | undefined>} env
 * @returns {boolean}
 */
export function indexAfterAstro(records, env) {
  if (env[HANDOFF] !== '1') return false;
  const from = env[INDEX_AFTER_ASTRO_FROM];
  if (from === undefined || from.trim() === '') return false;
  const count = Number(from);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`${INDEX_AFTER_ASTRO_FROM} must be a number of records, not ${JSON.stringify(from)}.`);
  return records >= count;
}

/** Files of Pagefind's bundle the site never loads: its ready-made interfaces and highlighter. */
const UNUSED = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;

/** How long one call to Pagefind may take before the build gives up on it. */
const DEADLINE_MS = 60_000;

/**
 * Rejects if `promise` has not settled within `ms`. Pagefind runs as a child process that does not
 * keep Node alive: if it crashes mid-call, its promise never settles and Node would simply exit,
 * with success. The timer keeps the process alive and turns that into an error.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withDeadline(promise, ms, what) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {Promise<never>} */
  const deadline = new Promise((_, reject) => {
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

/**
 * Throws when Pagefind reported errors.
 * @param {readonly string[]} errors
 * @param {string} what
 */
function check(errors, what) {
  if (errors.length > 0) throw new Error(`Pagefind failed ${what}: ${errors.join('; ')}`);
}

/** What writing the index may take per record, on top of the base deadline (measured: 60 s was too little for 13,000 records on a loaded 2-core machine). */
const WRITE_MS_PER_RECORD = 20;

/**
 * The deadline for writing the index, which grows with it: `base` plus 20 ms a record.
 * @param {number} records
 * @param {number} [base]
 * @returns {number}
 */
export function writeDeadline(records, base = DEADLINE_MS) {
  return base + records * WRITE_MS_PER_RECORD;
}

/**
 * How many records read as they come (from a file) are handed to Pagefind at once: it indexes them
 * concurrently. A list already in memory is handed over whole, so that Pagefind has all of it at
 * once and works on its own while the build's thread is busy elsewhere, instead of waiting for that
 * thread to send each next batch.
 */
const BATCH = 64;

/**
 * @typedef {{ records: number, bytes: number }} WrittenIndex
 * @typedef {{ write: () => Promise<WrittenIndex>, stop: () => Promise<void> }} StartedIndex
 * An index under way: `write` writes the bundle once every record is indexed and stops Pagefind
 * (also on failure); `stop` stops Pagefind without writing.
 */

/**
 * Brings the folder `folder` to hold exactly `files` (a bundle Pagefind made in memory): a file
 * already there with the same bytes is left alone, the others are written, and whatever else is
 * there is removed. An earlier build's bundle differs from this one by the records that changed:
 * most of its files (named by a digest of their content) are kept instead of compressed and
 * written again, and no file is trusted by its name alone.
 * @param {string} folder
 * @param {readonly { path: string, content: Uint8Array }[]} files
 * @returns {Promise<{ written: number, removed: number, bytes: number }>}
 */
export async function bringUpToDate(folder, files) {
  /** @type {Map<string, Uint8Array>} */
  const wanted = new Map();
  for (const { path, content } of files) {
    // Pagefind names its files within the bundle: never a path that leaves it.
    if (path.split(/[\\/]/).some((part) => part === '..' || part === ''))
      throw new Error(`Pagefind gave a file outside its bundle: ${JSON.stringify(path)}.`);
    if (!UNUSED.test(path)) wanted.set(path, content);
  }
  const present = await listFiles(folder);
  const sizes = new Map(present.map((file) => [file.path, file.size]));
  /** @type {Map<string, Promise<unknown>>} */
  const folders = new Map();
  let written = 0;
  await eachAtOnce([...wanted], async ([path, content]) => {
    const full = join(folder, path);
    if (sizes.get(path) === content.byteLength && Buffer.from(content).equals(await readFile(full))) return;
    const parent = dirname(full);
    if (!folders.has(parent)) folders.set(parent, mkdir(parent, { recursive: true }));
    await folders.get(parent);
    // Replaced, never written through: what is there may be a link to somewhere else.
    if (sizes.has(path)) await rm(full, { force: true });
    await writeFile(full, content);
    written += 1;
  });
  const stale = present.filter((file) => !wanted.has(file.path)).map((file) => file.path);
  await removeFiles(folder, stale);
  let bytes = 0;
  for (const content of wanted.values()) bytes += content.byteLength;
  return { written, removed: stale.length, bytes };
}

/**
 * Starts indexing the documents (a list, or records as they are read) in Pagefind's process,
 * checking its answer for every record. Whoever starts it calls `write` or `stop`: until then, a
 * failure is kept for `write` rather than ending the process.
 *
 * `write` brings the bundle already at `outputPath` (an earlier build's: the output folder is kept
 * between builds) up to date from Pagefind's files in memory (`bringUpToDate`), which after an edit
 * spares compressing and writing again the files of every record that did not change. Without an
 * earlier bundle there, or with `replace` (a large archive, whose bundle is too large to hold in
 * memory beside Pagefind), whatever is at `outputPath` is removed meanwhile and Pagefind writes the
 * whole bundle itself.
 * @param {Iterable<SearchDocument> | AsyncIterable<SearchDocument>} records
 * @param {string} outputPath
 * @param {{ deadline?: number, replace?: boolean }} [options]
 * @returns {StartedIndex}
 */
export function startIndex(records, outputPath, { deadline = DEADLINE_MS, replace = false } = {}) {
  // The file Pagefind's script reads first: a folder without it holds no bundle worth keeping.
  const update = !replace && existsSync(join(outputPath, 'pagefind-entry.json'));
  const cleared = update ? Promise.resolve() : rm(outputPath, { recursive: true, force: true });
  cleared.catch(() => undefined);
  let stopped = false;
  const stop = () => {
    stopped = true;
    return withDeadline(pagefind.close(), deadline, 'stopping').catch(() => undefined);
  };
  const added = (async () => {
    const created = await withDeadline(pagefind.createIndex(), deadline, 'starting');
    check(created.errors, 'to start');
    const index = created.index;
    if (!index) throw new Error('Pagefind returned no index.');
    let count = 0;
    /** @param {SearchDocument[]} batch */
    const add = async (batch) => {
      const answers = await withDeadline(
        Promise.all(batch.map((record) => index.addHTMLFile(record))),
        writeDeadline(batch.length, deadline),
        `indexing ${batch[0]?.url} and the ${batch.length - 1} records after it`,
      );
      answers.forEach((result, j) => {
        check(result.errors, `to index ${batch[j]?.url}`);
        // An HTML document without indexable text is skipped without an error.
        if (!result.file) throw new Error(`Pagefind did not index ${batch[j]?.url}.`);
        count += 1;
      });
    };
    // A batch at a time, as they come: records read from a file are let go once Pagefind has them.
    const size = Array.isArray(records) ? Math.max(records.length, 1) : BATCH;
    /** @type {SearchDocument[]} */
    let batch = [];
    for await (const record of records) {
      // Pagefind would start again for the next batch: a stopped index takes no more records.
      if (stopped) throw new Error('the index was stopped.');
      batch.push(record);
      if (batch.length === size) {
        await add(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await add(batch);
    return { index, count };
  })();
  added.catch(() => undefined);
  return {
    stop,
    write: async () => {
      /** @type {number | undefined} */
      let bytes;
      try {
        const { index, count } = await added;
        await cleared;
        const written = await withDeadline(
          update ? index.getFiles() : index.writeFiles({ outputPath }),
          writeDeadline(count, deadline),
          update ? 'making the index' : 'writing the index',
        );
        check(written.errors, update ? 'to make the index' : `to write the index to ${outputPath}`);
        if ('files' in written) bytes = (await bringUpToDate(outputPath, written.files)).bytes;
      } finally {
        // Also on failure, so that the next index starts afresh.
        await stop();
      }
      // pagefind.js is the bundle's documented entry point, which the search page imports.
      if (!existsSync(join(outputPath, 'pagefind.js')))
        throw new Error(`Pagefind wrote no pagefind.js to ${outputPath}.`);
      if (bytes === undefined) {
        for (const name of await readdir(outputPath)) {
          if (UNUSED.test(name)) await rm(join(outputPath, name));
        }
        bytes = (await listFiles(outputPath)).reduce((total, file) => total + file.size, 0);
      }
      return { records: (await added).count, bytes };
    },
  };
}

/**
 * Indexes the documents and writes Pagefind's bundle to `outputPath` (bringing whatever is there
 * up to date, or replacing it), then stops Pagefind; the files the site never loads are left out
 * (see `startIndex`).
 * Returns the number of records and the bundle's size in bytes.
 * @param {readonly SearchDocument[]} records
 * @param {string} outputPath
 * @param {{ deadline?: number, replace?: boolean }} [options]
 * @returns {Promise<WrittenIndex>}
 */
export function writeSearchIndex(records, outputPath, options = {}) {
  return startIndex(records, outputPath, options).write();
}

/**
 * The line a build prints once the index is written.
 * @param {{ records: number, bytes: number }} written
 * @param {string} bundlePath the bundle's path in the site, as pages link to it (`/pagefind/`)
 * @param {number} ms how long the build waited for it
 * @param {string} [how] how Pagefind's work went, a sentence
 * @returns {string}
 */
export function indexedLine(written, bundlePath, ms, how = '') {
  return (
    `Indexed ${written.records} records for search (${Math.round(written.bytes / 1024)} KiB in ${bundlePath}) in ${Math.round(ms)} ms.` +
    (how ? ` ${how}` : '')
  );
}

/**
 * The file in which Astro's process hands the records over to scripts/build.mjs, one JSON record
 * a line, in the site folder; removed once they are indexed.
 */
export const HANDOFF_FILE = 'search-records.ndjson';

/**
 * Hands the records over to the process that started this one, scripts/build.mjs, through its IPC
 * channel: it indexes them while Astro renders the pages, and writes the index once Astro's
 * process has ended. Written a record at a time, so that no second copy of them all is held.
 * False when there is no such process (`astro build` run on its own, or without HANDOFF).
 * @param {readonly SearchDocument[]} records
 * @param {string} site the folder the site is built into
 * @returns {Promise<boolean>}
 */
export async function handOff(records, site) {
  if (!process.send || process.env[HANDOFF] !== '1') return false;
  const file = join(site, HANDOFF_FILE);
  const out = createWriteStream(file);
  for (const record of records) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  await /** @type {Promise<void>} */ (
    new Promise((resolve, reject) =>
      process.send?.({ searchRecords: file, records: records.length }, undefined, {}, (error) =>
        error ? reject(error) : resolve(),
      ),
    )
  );
  return true;
}

/**
 * The file and number of the records handed over in a message from Astro's process (see
 * `handOff`), if it is one.
 * @param {unknown} message
 * @returns {{ file: string, records: number } | undefined}
 */
export function handedOff(message) {
  if (typeof message !== 'object' || message === null) return undefined;
  const { searchRecords: file, records } = /** @type {{ searchRecords?: unknown, records?: unknown }} */ (
    message
  );
  return typeof file === 'string' && typeof records === 'number' ? { file, records } : undefined;
}

/**
 * The records handed over in `file`, one a line, as they are read.
 * @param {string} file
 * @returns {AsyncGenerator<SearchDocument>}
 */
export async function* recordsIn(file) {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line !== '') yield JSON.parse(line);
  }
}

/**
 * Starts indexing the records handed over (`handedOff`) into the search bundle of the site folder
 * `site`, a batch at a time as they are read, so that they are never all held at once; in a
 * thread of its own (handed-off-worker.mjs) whose young generation is kept small: it lets go of
 * each record at once, where the main thread's would grow by about 100 MB beside Astro's process.
 * @param {{ file: string, records: number }} handed
 * @param {string} site
 * @returns {StartedIndex}
 */
export function startHandedOff({ file, records }, site) {
  const worker = new Worker(new URL('./handed-off-worker.mjs', import.meta.url), {
    workerData: { file, bundle: join(site, SEARCH_BUNDLE_FOLDER) },
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  /** @type {Promise<{ written?: WrittenIndex, stopped?: true, error?: string }>} */
  const answer = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the indexing thread ended (${code}) before its work was done.`)),
    );
  });
  answer.catch(() => undefined);
  let asked = false;
  /** @param {'write' | 'stop'} command */
  const ask = async (command) => {
    asked = true;
    worker.postMessage(command);
    try {
      const { written, error } = await answer;
      if (error !== undefined) throw new Error(error);
      return written;
    } finally {
      await worker.terminate();
    }
  };
  return {
    write: async () => {
      const written = await ask('write');
      if (!written) throw new Error('the indexing thread wrote no index.');
      if (written.records !== records)
        throw new Error(`Pagefind indexed ${written.records} of the ${records} records handed over.`);
      return written;
    },
    // Stopped while it writes (an interrupted build): the thread ends, and Pagefind with its pipes.
    stop: async () => {
      if (asked) await worker.terminate();
      else await ask('stop').catch(() => undefined);
    },
  };
}

/**
 * Writes the search index of the site folder `site` from the records Astro's process left there
 * (INDEX_AFTER_ASTRO_FROM): those handed over and being indexed already (`started`), or else its
 * records file. Removes the records. Undefined when Astro's process left none (it wrote the index
 * itself). Rejects at once when `signal` aborts, and stops Pagefind.
 * @param {string} site
 * @param {{ started?: StartedIndex, signal?: AbortSignal }} [options]
 * @returns {Promise<WrittenIndex | undefined>}
 */
export async function indexLeftRecords(site, { started, signal } = {}) {
  const recordsFile = join(site, RECORDS_FILE);
  if (!started) {
    if (!existsSync(recordsFile)) return undefined;
    /** @type {unknown} */
    const records = JSON.parse(await readFile(recordsFile, 'utf8'));
    if (!Array.isArray(records))
      throw new Error(`${RECORDS_FILE} › records: expected a list, got ${typeof records}.`);
    started = startIndex(records, join(site, SEARCH_BUNDLE_FOLDER), { replace: true });
  }
  const index = started;
  const work = index.write();
  // Once interrupted, nothing awaits the work: its failure must not end the process on its own.
  work.catch(() => undefined);
  /** @type {Promise<never>} */
  const stopped = new Promise((_, reject) => {
    const stop = () => {
      reject(new Error('interrupted'));
      index.stop().catch(() => undefined);
    };
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
  stopped.catch(() => undefined);
  const written = await Promise.race([work, stopped]);
  // The records are for Pagefind only: never published.
  await rm(recordsFile, { force: true });
  await rm(join(site, HANDOFF_FILE), { force: true });
  return written;
}
