/**
 * The end of `astro build` in the output folder, which a build keeps from the last one
 * (`vite.build.emptyOutDir: false`, so that Astro leaves the pages it did not render again where
 * they are instead of copying each back from its cache):
 * - writes the site's citation files (a BibTeX and a RIS file for each analysis and commentary) in
 *   one go, from the list that `src/pages/citation-files.json.ts` renders, then removes that list,
 *   which is never published. As Astro routes they were half of the site's routes, each costing a
 *   render, a page write and a cache write; here a file is written only when its text changed, which
 *   a rebuild knows from the record of the last build (`SEEN_FILE`) without reading the file;
 * - removes every file an earlier build left that this one did not produce: not a route's output
 *   (Astro's `assets`, pages rendered or kept alike), not a citation file, and not written since the
 *   build started (scripts, styles, public files). The search index's folder is left to the search
 *   index, which brings it up to date itself. What is left is what a build into an empty folder writes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, type Stats } from 'node:fs';
import { lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { WrittenFile } from './citation.ts';
import { eachAtOnce, filesAt, listPaths, outside, removeFiles, writeWhole } from '../util/folder.mjs';
import { outFolderReady } from './out-ready.mjs';

/** The list the route renders, relative to the built site's root folder. */
export const CITATION_FILES = 'citation-files.json';

/**
 * The files in a rendered list, each checked: a path inside the site's folder and a text body.
 * Throws naming the first entry that is not.
 */
export function filesIn(text: string, out: string): WrittenFile[] {
  const files: unknown = JSON.parse(text);
  if (!Array.isArray(files)) throw new Error(`${CITATION_FILES}: expected a list, got ${typeof files}.`);
  return files.map((file: unknown, i) => {
    const { path, body } = (file ?? {}) as Partial<WrittenFile>;
    if (typeof path !== 'string' || typeof body !== 'string')
      throw new Error(`${CITATION_FILES} › entry ${i + 1}: expected a path and a body.`);
    const inside = relative(out, resolve(out, path));
    if (path === '' || isAbsolute(path) || inside.startsWith('..') || isAbsolute(inside) || inside === '')
      throw new Error(
        `${CITATION_FILES} › entry ${i + 1}: ${JSON.stringify(path)} is not a file inside the site.`,
      );
    return { path, body };
  });
}

/** What a file of the site held when a build last wrote it, or found it holding its text. */
export interface Seen {
  size: number;
  /** Its modification time, as `mtimeMs`. */
  modified: number;
  /** The digest of its text. */
  digest: string;
}

/**
 * Where the last build's record of its citation files is kept, relative to the project (beside
 * the parse cache): a rebuild compares a file's size and time with it instead of reading the file.
 */
export const SEEN_FILE = 'node_modules/.cache/perspectives/citation-files.json';

/** The record kept in `file`; empty when there is none or it cannot be read. */
export function readSeen(file: string): Map<string, Seen> {
  try {
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (stored && typeof stored === 'object') return new Map(Object.entries(stored as Record<string, Seen>));
  } catch {
    // No record yet, or a damaged one: every file is read.
  }
  return new Map();
}

/** Keeps the record in `file`, written whole and renamed into place; a record that cannot be kept only costs time. */
export function writeSeen(file: string, seen: ReadonlyMap<string, Seen>): void {
  try {
    writeWhole(file, JSON.stringify(Object.fromEntries(seen)));
  } catch {
    // The next build reads the files instead.
  }
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('base64url');

/** What is at `path` (never following a link), or undefined when nothing is. */
async function lstatOf(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes `body` to `path` unless the file already holds it: known without reading it when it is
 * a regular file of the size and time recorded with the digest of this text (`seen`), else by
 * reading it. Anything else there, a link included, is replaced, never written through. Returns
 * whether it wrote, and what the file holds now.
 */
async function writeChanged(path: string, body: string, seen: Seen | undefined): Promise<[boolean, Seen]> {
  const digest = digestOf(body);
  const before = await lstatOf(path);
  const regular = before?.isFile() === true;
  if (regular && seen?.digest === digest && before!.size === seen.size && before!.mtimeMs === seen.modified)
    return [false, seen];
  if (regular && (await readFile(path, 'utf8')) === body)
    return [false, { size: before!.size, modified: before!.mtimeMs, digest }];
  if (before) await rm(path, { recursive: true, force: true });
  else await mkdir(dirname(path), { recursive: true });
  await writeFile(path, body);
  const after = await lstat(path);
  return [true, { size: after.size, modified: after.mtimeMs, digest }];
}

/**
 * Writes those of `files` whose text changed below `out`, a few at a time (`seen`: the record of
 * an earlier call, by path). Returns how many it wrote, and the record of every file now.
 */
export async function writeFiles(
  out: string,
  files: readonly WrittenFile[],
  seen: ReadonlyMap<string, Seen> = new Map(),
): Promise<{ written: number; seen: Map<string, Seen> }> {
  let written = 0;
  const now = new Map<string, Seen>();
  await eachAtOnce(files, async (file) => {
    const [wrote, state] = await writeChanged(join(out, file.path), file.body, seen.get(file.path));
    if (wrote) written += 1;
    now.set(file.path, state);
  });
  return { written, seen: now };
}

/**
 * The files an earlier build left that this one did not produce: neither listed in `produced` nor
 * written since `started` (a time in ms, as `mtimeMs`).
 */
export function leftOver(
  files: readonly { path: string; modified: number }[],
  produced: ReadonlySet<string>,
  started: number,
): string[] {
  return files
    .filter((file) => !produced.has(file.path) && file.modified < started)
    .map((file) => file.path)
    .sort();
}

/** The output files of Astro's routes, relative to `out`, from `astro:build:done`'s `assets`. */
export function routeOutputs(assets: ReadonlyMap<string, readonly URL[]>, out: string): Set<string> {
  const produced = new Set<string>();
  for (const urls of assets.values())
    for (const url of urls) produced.add(relative(out, fileURLToPath(url)).split(sep).join('/'));
  return produced;
}

/**
 * The Astro integration: the citation files, then what earlier builds left removed, except in the
 * folders named in `leave` (relative to the site's root folder), which another step keeps up to date:
 * the search index, which Pagefind may still be writing meanwhile.
 */
export function siteFiles({ leave = [] }: { leave?: readonly string[] } = {}): AstroIntegration {
  let outDir: string | undefined;
  let seenFile: string | undefined;
  /** When the build started, and whether an earlier build's files were in the output folder then. */
  let started = 0;
  let kept = false;
  /** The files the output folder held when the build started, if scripts/build.mjs said which. */
  let present: string[] | undefined;
  return {
    name: 'perspectives:site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        seenFile = join(fileURLToPath(config.root), SEEN_FILE);
      },
      'astro:build:start': async () => {
        // scripts/build.mjs may still be bringing the folder up to date: nothing is written before it is.
        present = await outFolderReady();
        started = Date.now();
        kept = outDir !== undefined && existsSync(outDir) && readdirSync(outDir).length > 0;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        const list = join(out, CITATION_FILES);
        const began = performance.now();
        try {
          const files = filesIn(await readFile(list, 'utf8'), out);
          // What an earlier build into another folder recorded is of no use: its files are read.
          const record = seenFile !== undefined && kept ? readSeen(seenFile) : new Map<string, Seen>();
          const { written, seen } = await writeFiles(out, files, record);
          if (seenFile !== undefined) writeSeen(seenFile, seen);
          await rm(list);
          let stale: string[] = [];
          // Into an empty folder, everything there is this build's: nothing to look through.
          if (kept) {
            const produced = routeOutputs(assets, out);
            for (const file of files) produced.add(file.path);
            // Only the files not produced are looked at (5 % of them at 1,000 commentaries): their times.
            // Those it held when the build started, as scripts/build.mjs brought them up to date (a
            // file written since is this build's), or else those it holds now.
            const skip = ['.git', ...leave];
            const listed = present?.filter(outside(skip)) ?? (await listPaths(out, { skip }));
            const others = listed.filter((path) => !produced.has(path));
            stale = leftOver(await filesAt(out, others), produced, started);
            await removeFiles(out, stale);
          }
          logger.info(
            `Wrote ${written} of ${files.length} citation files (the others unchanged) and removed ${stale.length} files of earlier builds, in ${Math.round(performance.now() - began)} ms.`,
          );
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`The site's files could not be finished, so the build stops: ${reason}`, {
            cause: error,
          });
        }
      },
    },
  };
}
