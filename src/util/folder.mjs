// Plain JavaScript so that scripts/build.mjs (through kept.mjs) and the build's last step
// (src/outputs/integration.ts) share it: a folder's files listed, by path alone or with their size
// and time, and files removed with the folders they leave empty, a few file operations at a time;
// and a file written whole, which the build's caches use.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { lstat, readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** How many file operations run at once. */
const AT_ONCE = 32;

/**
 * Runs `task` on every item, `AT_ONCE` at a time.
 * @template T
 * @param {readonly T[]} items
 * @param {(item: T) => Promise<unknown>} task
 * @returns {Promise<void>}
 */
export async function eachAtOnce(items, task) {
  for (let i = 0; i < items.length; i += AT_ONCE) await Promise.all(items.slice(i, i + AT_ONCE).map(task));
}

/**
 * @typedef {{ path: string, size: number, modified: number, full: string }} ListedFile
 * A file by its path relative to the folder listed (with `/`), its size, its modification time
 * (`mtimeMs`) and its full path.
 */

/**
 * Whether a path (relative to a folder, with `/`) lies outside the top-level entries named in
 * `skip` (a name may end with `/`).
 * @param {readonly string[]} skip
 * @returns {(path: string) => boolean}
 */
export function outside(skip) {
  const skipped = new Set(skip.map((name) => name.replace(/\/$/, '')));
  return (path) => !skipped.has(path.split('/')[0] ?? path);
}

/**
 * Every file below `folder` (not its folders), by its path relative to it (with `/`); the
 * top-level entries named in `skip` are not even looked into. Only folders are read: no file is
 * looked at. A folder that is not there has none.
 * @param {string} folder
 * @param {{ skip?: readonly string[] }} [options]
 * @returns {Promise<string[]>}
 */
export async function listPaths(folder, { skip = [] } = {}) {
  if (!existsSync(folder)) return [];
  const kept = outside(skip);
  const entries = [];
  for (const top of await readdir(folder, { withFileTypes: true })) {
    if (!kept(top.name)) continue;
    if (!top.isDirectory()) entries.push(top);
    else entries.push(...(await readdir(join(folder, top.name), { withFileTypes: true, recursive: true })));
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * The files at `paths` (relative to `folder`, with `/`) with their size and time; a path with
 * nothing there any more is left out.
 * @param {string} folder
 * @param {readonly string[]} paths
 * @returns {Promise<ListedFile[]>}
 */
export async function filesAt(folder, paths) {
  /** @type {ListedFile[]} */
  const found = [];
  await eachAtOnce(paths, async (path) => {
    const full = join(folder, path);
    try {
      const { size, mtimeMs } = await lstat(full);
      found.push({ path, size, modified: mtimeMs, full });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
    }
  });
  return found;
}

/**
 * Every file below `folder` (not its folders) with its size and time; the top-level entries
 * named in `skip` are not even looked into. A folder that is not there has none.
 * @param {string} folder
 * @param {{ skip?: readonly string[] }} [options]
 * @returns {Promise<ListedFile[]>}
 */
export async function listFiles(folder, options = {}) {
  return filesAt(folder, await listPaths(folder, options));
}

/**
 * Removes `paths` (relative to `folder`), then the folders they leave empty, deepest first, up to
 * (never including) `folder`.
 * @param {string} folder
 * @param {readonly string[]} paths
 * @returns {Promise<void>}
 */
export async function removeFiles(folder, paths) {
  await eachAtOnce(paths, (path) => rm(join(folder, path), { force: true }));
  const folders = new Set();
  for (const path of paths) for (let d = dirname(path); d !== '.'; d = dirname(d)) folders.add(d);
  for (const d of [...folders].sort((a, b) => b.length - a.length))
    await rmdir(join(folder, d)).catch((error) => {
      if (!['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(error.code)) throw error;
    });
}

/**
 * Writes `text` to `file` whole, creating its folder: to a temporary file first, renamed into
 * place, so that a reader never sees half of it (and two processes never write into one file).
 * @param {string} file
 * @param {string} text
 */
export function writeWhole(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
