/**
 * Reads the content folder from disk for the checker and the scaffolding scripts, listing the
 * files exactly as Astro's glob loader does (same library, same pattern).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { checkSources, type CheckResult, type SourceFile } from './check';
import { SITE_FILE, type SiteSource } from './identity';
import { fileInside } from './site-loader';
import { COLLECTIONS, type CollectionName } from './schemas';

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
  site: SiteSource;
}

/** Reads the four collection folders and `site.yml` under `contentDir` (relative to `root`, or absolute). */
export async function readContentFolder(root: string, contentDir: string): Promise<ContentFolder> {
  const top = resolve(root, contentDir);
  const shown = displayPath(root, top);
  const files: SourceFile[] = [];
  const missing: CollectionName[] = [];
  const ignored: string[] = [];
  for (const collection of COLLECTIONS) {
    const folder = join(top, collection);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      missing.push(collection);
      continue;
    }
    const all = await glob('**/*', { cwd: folder, expandDirectories: false });
    const markdown = all.filter((p) => p.endsWith('.md'));
    const read = new Set(markdown);
    for (const path of [...markdown].sort()) {
      const full = join(folder, path);
      files.push({ collection, path, file: displayPath(root, full), source: readFileSync(full, 'utf8') });
    }
    for (const path of all.filter((p) => !read.has(p)).sort())
      ignored.push(displayPath(root, join(folder, path)));
  }
  const siteFile = join(top, SITE_FILE);
  const site: SiteSource = {
    file: displayPath(root, siteFile),
    source: existsSync(siteFile) ? readFileSync(siteFile, 'utf8') : undefined,
    hasFile: (path) => fileInside(top, path),
  };
  return { contentDir: shown, files, missing, ignored, site };
}

/** Reads and checks the content folder: the whole of `npm run check:content`. */
export async function checkContentFolder(root: string, contentDir: string): Promise<CheckResult> {
  const folder = await readContentFolder(root, contentDir);
  return checkSources(folder.files, folder);
}
