/**
 * Writes the site's citation files (a BibTeX and a RIS file for each analysis and commentary) in
 * one go at the end of `astro build`, from the list that `src/pages/citation-files.json.ts`
 * renders, then removes that list: it is never published. As Astro routes they were half of the
 * site's routes, and each cost a render, a page write and a cache write; written here they cost
 * one write each, and they are written whole on every build, so never stale.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { WrittenFile } from './citation';

/** The list the route renders, relative to the built site's root folder. */
export const CITATION_FILES = 'citation-files.json';

/** How many files are written at once. */
const AT_ONCE = 32;

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

/** Writes `files` below `out`, `AT_ONCE` at a time, creating their folders first. */
export async function writeFiles(out: string, files: readonly WrittenFile[]): Promise<void> {
  for (const folder of new Set(files.map((file) => dirname(join(out, file.path)))))
    await mkdir(folder, { recursive: true });
  for (let i = 0; i < files.length; i += AT_ONCE)
    await Promise.all(files.slice(i, i + AT_ONCE).map((file) => writeFile(join(out, file.path), file.body)));
}

/** The Astro integration: the citation files, written after the pages. */
export function citationFilesWriter(): AstroIntegration {
  return {
    name: 'perspectives:citation-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const list = join(out, CITATION_FILES);
        const started = performance.now();
        try {
          const files = filesIn(await readFile(list, 'utf8'), out);
          await writeFiles(out, files);
          await rm(list);
          logger.info(
            `Wrote ${files.length} citation files in ${Math.round(performance.now() - started)} ms.`,
          );
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`The citation files could not be written, so the build stops: ${reason}`, {
            cause: error,
          });
        }
      },
    },
  };
}
