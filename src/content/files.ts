/**
 * Reads the content folder from disk for the checker, the build's content loader
 * (`loader.ts`) and the scaffolding scripts: every `.md` file below a collection folder,
 * hidden files and folders left out, walking the folder itself, never following a link. Content
 * is regular files inside the content folder, and anything else (a symbolic link, a named pipe,
 * a device) is refused by name, unread. Files are decoded as strict UTF-8 (`encoding.ts`).
 */
import {
  closeSync,
  existsSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkSources, type CheckResult, type Refused, type SourceFile } from './check.ts';
import { decodeUtf8, encodingMessage } from '../util/encoding.ts';
import { SITE_FILE, type SiteSource } from './identity.ts';
import { fileInside } from './site-loader.ts';
import { COLLECTIONS, type CollectionName } from './schemas.ts';
import { compareText } from '../util/text.ts';

/** A path as editors see it: relative to the project, `/`-separated; absolute when outside it. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

/** Everything the checker needs from disk. */
export interface ContentFolder {
  contentDir: string;
  files: SourceFile[];
  missing: CollectionName[];
  ignored: string[];
  refused: Refused[];
  site: SiteSource;
  /** The size of a file of the content folder (for images), or undefined when it is not one. */
  sizeOf: (path: string) => number | undefined;
}

/** What a directory entry that is not a regular file or folder is, for an editor. */
function kindOf(entry: Dirent | Stats): string {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Why a path that is not a regular file is refused, and what to do; the link target is named, never read. */
export function notRegularMessage(kind: string, target?: string): string {
  if (target !== undefined) {
    return `is ${kind} (to ${target}): the content folder must hold the files themselves, so that nothing outside it is published; replace the link with a copy of what it points to`;
  }
  return `is ${kind}, not a regular file: remove it; the content folder must hold only regular files and folders`;
}

/** The message for a path that is not a regular file or folder. */
function refusal(full: string, entry: Dirent | Stats): string {
  const kind = kindOf(entry);
  let target: string | undefined;
  if (entry.isSymbolicLink()) {
    try {
      target = readlinkSync(full);
    } catch {
      target = 'somewhere unknown';
    }
  }
  return notRegularMessage(kind, target);
}

/** Regular files (visible ones, as the glob loader sees them) and refused entries under a folder, never following a link. */
function walk(folder: string): { files: string[]; refused: { path: string; message: string }[] } {
  const files: string[] = [];
  const refused: { path: string; message: string }[] = [];
  const visit = (rel: string) => {
    const entries = readdirSync(rel ? join(folder, rel) : folder, { withFileTypes: true });
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      const hidden = entry.name.startsWith('.');
      if (entry.isFile()) {
        if (!hidden) files.push(path);
      } else if (entry.isDirectory()) {
        if (!hidden) visit(path);
      } else {
        refused.push({ path, message: refusal(join(folder, path), entry) });
      }
    }
  };
  visit('');
  return { files, refused };
}

/**
 * Reads one listed file: opened without following a link and without waiting on a pipe, and read
 * only if it is still a regular file (it may have been replaced since it was listed).
 */
function readRegular(full: string): { ok: true; bytes: Buffer } | { ok: false; message: string } {
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, message: refusal(full, lstatSync(full)) };
    return {
      ok: false,
      message: `could not be read (${code ?? String(error)}): check that the file exists and that you may read it`,
    };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, message: refusal(full, stats) };
    return { ok: true, bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

/** What one collection folder holds: its `.md` files (read, or refused by name), and what else is there. */
export interface CollectionFolder {
  files: SourceFile[];
  /** The folder does not exist. */
  missing: boolean;
  ignored: string[];
  refused: Refused[];
}

/**
 * Reads one file of a collection the way the check does: a regular file, decoded as strict
 * UTF-8, or the reason it is refused unread (`unreadable`). `path` is inside the collection folder.
 */
export function readSourceFile(
  root: string,
  folder: string,
  collection: CollectionName,
  path: string,
): SourceFile {
  const full = join(folder, path);
  const file = displayPath(root, full);
  const raw = readRegular(full);
  if (!raw.ok)
    return { collection, path, file, source: '', unreadable: { field: 'file', message: raw.message } };
  const text = decodeUtf8(raw.bytes);
  if (text.ok) return { collection, path, file, source: text.text };
  return {
    collection,
    path,
    file,
    source: '',
    unreadable: { field: 'encoding', message: encodingMessage(text.line, text.byte) },
  };
}

/** Reads the folder of one collection under `contentDir` (relative to `root`, or absolute), never following a link. */
export function readCollection(
  root: string,
  contentDir: string,
  collection: CollectionName,
): CollectionFolder {
  const folder = join(resolve(root, contentDir), collection);
  const result: CollectionFolder = { files: [], missing: false, ignored: [], refused: [] };
  let stats: Stats | undefined;
  try {
    stats = lstatSync(folder);
  } catch {
    stats = undefined;
  }
  if (!stats) return { ...result, missing: true };
  if (!stats.isDirectory()) {
    const message = stats.isFile()
      ? 'is a file, not a folder: make it a folder holding one .md file per entry'
      : refusal(folder, stats);
    result.refused.push({ file: `${displayPath(root, folder)}/`, field: 'folder', message });
    return result;
  }
  let listing: ReturnType<typeof walk>;
  try {
    listing = walk(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const message = `could not be read (${code}): check that the folder and everything in it may be read`;
    result.refused.push({ file: `${displayPath(root, folder)}/`, field: 'folder', message });
    return result;
  }
  const own: SourceFile[] = [];
  for (const { path, message } of listing.refused) {
    const file = displayPath(root, join(folder, path));
    // A refused .md file stays an entry, so that what refers to it is not reported as well.
    if (path.endsWith('.md'))
      own.push({ collection, path, file, source: '', unreadable: { field: 'file', message } });
    else result.refused.push({ file, field: 'file', message });
  }
  const markdown = listing.files.filter((p) => p.endsWith('.md'));
  const read = new Set(markdown);
  for (const path of [...markdown].sort()) own.push(readSourceFile(root, folder, collection, path));
  result.files = own.sort((a, b) => compareText(a.path, b.path));
  for (const path of listing.files.filter((p) => !read.has(p)).sort())
    result.ignored.push(displayPath(root, join(folder, path)));
  return result;
}

/** Reads the four collection folders and `site.yml` under `contentDir` (relative to `root`, or absolute). */
export async function readContentFolder(root: string, contentDir: string): Promise<ContentFolder> {
  const top = resolve(root, contentDir);
  const shown = displayPath(root, top);
  const files: SourceFile[] = [];
  const missing: CollectionName[] = [];
  const ignored: string[] = [];
  const refused: Refused[] = [];
  for (const collection of COLLECTIONS) {
    const folder = readCollection(root, contentDir, collection);
    if (folder.missing) missing.push(collection);
    files.push(...folder.files);
    ignored.push(...folder.ignored);
    refused.push(...folder.refused);
  }
  const sizeOf = (path: string) => contentFileSize(top, path);
  return { contentDir: shown, files, missing, ignored, refused, site: readSiteFile(root, top), sizeOf };
}

/**
 * The size of a regular file inside the content folder `top`, given its path from there; undefined
 * for anything else (a path leading out of the folder, a link, a folder, nothing).
 */
export function contentFileSize(top: string, path: string): number | undefined {
  const full = resolve(top, path);
  if (!full.startsWith(top + sep)) return undefined;
  try {
    const stats = lstatSync(full);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `site.yml` as the collections' files are read: a regular file, strict UTF-8. */
function readSiteFile(root: string, top: string): SiteSource {
  const full = join(top, SITE_FILE);
  const site = { file: displayPath(root, full), hasFile: (path: string) => fileInside(top, path) };
  if (!existsSync(full) && !isLink(full)) return { ...site, source: undefined };
  const raw = readRegular(full);
  if (!raw.ok) return { ...site, source: '', unreadable: { field: 'file', message: raw.message } };
  const text = decodeUtf8(raw.bytes);
  if (!text.ok)
    return {
      ...site,
      source: '',
      unreadable: { field: 'encoding', message: encodingMessage(text.line, text.byte) },
    };
  return { ...site, source: text.text };
}

/** True for a symbolic link, even one whose target is missing. */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Reads and checks the content folder: the whole of `npm run check:content`. */
export async function checkContentFolder(root: string, contentDir: string): Promise<CheckResult> {
  const folder = await readContentFolder(root, contentDir);
  return checkSources(folder.files, folder);
}
