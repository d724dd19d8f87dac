/**
 * The end of `astro build` in the output folder, which a build keeps from the last one
 * (`vite.build.emptyOutDir: false`, so that Astro leaves the pages it did not render again where
 * they are instead of copying each back from its cache):
 * - writes the site's citation files (a BibTeX and a RIS file for each analysis and commentary) in
 *   one go, from the list that `src/pages/citation-files.json.ts` renders, then removes that list,
 *   which is never published. As Astro routes they were half of the site's routes, each costing a
 *   render, a page write and a cache write; here a file is written only when its text changed;
 * - removes every file an earlier build left that this one did not produce: not a route's output
 *   (Astro's `assets`, pages rendered or kept alike), not a citation file, and not written since the
 *   build started (scripts, styles, public files). The search index's folder is left to the search
 *   index, which brings it up to date itself. What is left is what a build into an empty folder writes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { WrittenFile } from './citation.ts';
import { eachAtOnce, filesAt, listPaths, removeFiles } from '../util/folder.mjs';
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

/** The text of a file, or undefined when there is none. */
async function textOf(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes a file unless it already holds `body`, creating its folder when it is not there. */
async function writeChanged(path: string, body: string): Promise<boolean> {
  if ((await textOf(path)) === body) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, body);
  return true;
}

/** Writes those of `files` whose text changed below `out`, a few at a time; returns how many. */
export async function writeFiles(out: string, files: readonly WrittenFile[]): Promise<number> {
  let written = 0;
  await eachAtOnce(files, async (file) => {
    if (await writeChanged(join(out, file.path), file.body)) written += 1;
  });
  return written;
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
  /** When the build started, and whether an earlier build's files were in the output folder then. */
  let started = 0;
  let kept = false;
  return {
    name: 'perspectives:site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        // scripts/build.mjs may still be bringing the folder up to date: nothing is written before it is.
        await outFolderReady();
        started = Date.now();
        kept = outDir !== undefined && existsSync(outDir) && readdirSync(outDir).length > 0;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        const list = join(out, CITATION_FILES);
        const began = performance.now();
        try {
          const files = filesIn(await readFile(list, 'utf8'), out);
          const written = await writeFiles(out, files);
          await rm(list);
          let stale: string[] = [];
          // Into an empty folder, everything there is this build's: nothing to look through.
          if (kept) {
            const produced = routeOutputs(assets, out);
            for (const file of files) produced.add(file.path);
            // Only the files not produced are looked at (5 % of them at 1,000 commentaries): their times.
            const others = (await listPaths(out, { skip: ['.git', ...leave] })).filter(
              (path) => !produced.has(path),
            );
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
