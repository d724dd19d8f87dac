// The site a build replaces is kept for the next build to build into, instead of being deleted.
// Astro builds into a folder it keeps between builds (its pages not rendered again stay where they
// are), but that folder is published by renaming it: the next build needs a folder that holds the
// published site. The replaced site is one, two builds old: `mirror` brings it up to date with the
// published one, copying only the files that differ, which after an edit are a few pages.
// A kept site is trusted only if the build that replaced it published (its note says so and for
// which folder), and each build takes the note away before it starts: after a failed or
// interrupted build, the next one starts from an empty folder.
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { eachAtOnce, listFiles, removeFiles } from '../src/util/folder.mjs';

/** The files below `folder`, by their path relative to it, those in the top-level folders `skip` aside. */
async function listing(folder, skip) {
  return new Map((await listFiles(folder, { skip })).map((file) => [file.path, file]));
}

/**
 * Makes `folder` hold the files `source` holds, copying those whose size or modification time
 * differ (each copy takes its source's time, so that it compares equal next time) and removing
 * those `source` does not hold, with the folders they leave empty. Files below the top-level
 * folders named in `skip` are left as they are. Returns how many files were copied and removed,
 * and the paths of the files `folder` holds then, those below `skip` aside. A file new to `folder`
 * for which `share` is true is linked to the source's instead of copied: only for files that
 * whoever writes them replaces, never writes into.
 * @param {string} source
 * @param {string} folder
 * @param {{ skip?: string[], share?: (path: string) => boolean }} [options]
 */
export async function mirror(source, folder, { skip = [], share = () => false } = {}) {
  const [from, to] = await Promise.all([listing(source, skip), listing(folder, skip)]);
  const copies = [...from].filter(([path, file]) => {
    const there = to.get(path);
    return !there || there.size !== file.size || Math.abs(there.modified - file.modified) >= 1;
  });
  const removals = [...to.keys()].filter((path) => !from.has(path));
  await removeFiles(folder, removals);
  await eachAtOnce(copies, async ([path, file]) => {
    const target = join(folder, path);
    await mkdir(dirname(target), { recursive: true });
    // A path that is a folder here and a file there (or the reverse) is replaced whole.
    if (to.has(path) === false && existsSync(target)) await rm(target, { recursive: true, force: true });
    if (!to.has(path) && share(path)) return link(file.full, target);
    await copyFile(file.full, target);
    const seconds = file.modified / 1000;
    await utimes(target, seconds, seconds);
  });
  return { copied: copies.length, removed: removals.length, files: [...from.keys()] };
}

/** Where the site replaced in `out` is kept, and its note, in the work folder. */
export function keptPaths(work, out) {
  const name = basename(out);
  return { folder: join(work, `${name}.kept`), note: join(work, `${name}.kept.json`) };
}

/**
 * Keeps `previous`, the site just replaced in `out`, for the next build, with a note saying it was
 * replaced by a published build of `out`. An earlier kept site is removed first.
 */
export async function keepReplaced(previous, { work, out }) {
  const { folder, note } = keptPaths(work, out);
  await rm(note, { force: true });
  await rm(folder, { recursive: true, force: true });
  await rename(previous, folder);
  await writeFile(note, `${JSON.stringify({ out })}\n`);
}

/**
 * Turns the kept site into `target` (which must not exist), brought up to date with `out`, if the
 * note says it was replaced by a published build of `out`; else removes it. The note goes either
 * way. Returns what `mirror` did, or null when nothing was kept.
 */
export async function takeKept(target, { work, out, skip }) {
  const { folder, note } = keptPaths(work, out);
  let kept = null;
  try {
    kept = JSON.parse(await readFile(note, 'utf8'));
  } catch {
    kept = null;
  }
  await rm(note, { force: true });
  if (kept?.out !== out || !existsSync(folder) || !existsSync(out)) {
    await rm(folder, { recursive: true, force: true });
    return null;
  }
  try {
    const done = await mirror(out, folder, { skip });
    await rename(folder, target);
    return done;
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    await rm(target, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Without a kept site (the build after the first one of `out`, or after one that failed), a copy
 * of the published site in `out` as `target` (which must not exist), if a build published it (its
 * `stamp` is there): the build then renders and writes only what changed, as into a kept site,
 * instead of copying every page back from Astro's cache and writing every citation file and the
 * whole search index. Returns what `mirror` did, or null when there is no published site.
 */
export async function copyPublished(target, { out, stamp, share }) {
  if (!existsSync(stamp) || !existsSync(join(out, 'index.html'))) return null;
  try {
    return await mirror(out, target, { share });
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    throw error;
  }
}
