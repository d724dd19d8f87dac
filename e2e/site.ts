/** Helpers that read the built site from disk, to enumerate what the browser tests visit. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { BASE, DIST } from './env.ts';
import { readOpenData } from '../src/outputs/open-data-read.mjs';

/** Every HTML page of the build, as a URL path under the base (e.g. `/some/sub/path/themes/`). */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        const rel = relative(DIST, path).split(sep).join('/');
        pages.push(BASE + rel.replace(/(^|\/)index\.html$/, '$1'));
      }
    }
  };
  walk(DIST);
  return pages;
}

/** Every HTML file of the build with its path on disk. */
export function builtHtmlFiles(): { url: string; file: string }[] {
  return builtPages().map((url) => {
    const rel = url.slice(BASE.length);
    const file = rel === '' || rel.endsWith('/') ? join(DIST, rel, 'index.html') : join(DIST, rel);
    return { url, file };
  });
}

/**
 * The pages the browser visits one by one: every page, or with E2E_VISITED_DIST (another build at the
 * same base path, already visited) only the pages it does not have. The live run with a generated
 * analysis added uses it to stay within the time budget of `npm test`: its new pages are visited,
 * the pages it changed were visited in the real build, and every static check still reads them all.
 */
export function pagesToVisit(): string[] {
  const visited = process.env.E2E_VISITED_DIST;
  if (!visited) return builtPages();
  return builtHtmlFiles()
    .filter(({ file }) => !existsSync(join(visited, relative(DIST, file))))
    .map(({ url }) => url);
}

/** Shape of the open-data export. */
export interface OpenData {
  analyses: {
    id: string;
    title: string;
    url: string;
    published: string;
    takeaways: string[];
    commentaries: string[];
  }[];
  experts: { id: string; name: string; url: string }[];
  themes: { id: string; title: string; url: string }[];
  commentaries: {
    id: string;
    analysis: string;
    expert: string;
    question: string;
    order: number;
    bottomLine: string | null;
    url: string;
    themes: string[];
    passages: { id: string; url: string; themes: string[]; text: string }[];
  }[];
}

/** The open-data export of the build under test, its parts joined. */
export function openData(): OpenData {
  return readOpenData(DIST) as unknown as OpenData;
}
