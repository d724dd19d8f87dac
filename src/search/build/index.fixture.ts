/** What the tests of the index writer share: records to index, and scratch folders removed after each file's tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { SearchDocument } from './records.ts';

/** A record whose document is `body`, as the build writes them. */
export const record = (url: string, body: string): SearchDocument => ({
  url,
  content: `<!doctype html><html lang="en"><head></head><body>${body}</body></html>`,
});

/** A record Pagefind refuses: its content is not text. */
export const broken = (url: string) => ({ url, content: 5 }) as unknown as SearchDocument;

/** A function that makes an empty scratch folder, each removed once the calling file's tests are done. */
export function scratchFolders(): () => Promise<string> {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });
  return async () => {
    const folder = await mkdtemp(join(tmpdir(), 'search-index-'));
    folders.push(folder);
    return folder;
  };
}
