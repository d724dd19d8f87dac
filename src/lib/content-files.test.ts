import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { displayPath, readContentFolder } from './content-files';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'perspectives-content-files-'));
  const write = (path: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '---\n---\n');
  };
  [
    'c/analyses/a.md',
    'c/experts/e.md',
    'c/experts/notes.txt',
    'c/experts/.DS_Store',
    'c/experts/sub/x.md',
  ].forEach(write);
  mkdirSync(join(root, 'c/commentaries'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readContentFolder', () => {
  test('reads the .md files of each collection, sorted, with paths as editors see them', async () => {
    const folder = await readContentFolder(root, 'c');
    expect(folder.contentDir).toBe('c');
    expect(folder.files.map((f) => [f.collection, f.path, f.file])).toEqual([
      ['analyses', 'a.md', 'c/analyses/a.md'],
      ['experts', 'e.md', 'c/experts/e.md'],
      ['experts', 'sub/x.md', 'c/experts/sub/x.md'],
    ]);
  });

  test('tells a missing folder from an empty one', async () => {
    const folder = await readContentFolder(root, 'c');
    expect(folder.missing).toEqual(['themes']);
  });

  test('lists the files Astro would skip, but not hidden ones', async () => {
    const folder = await readContentFolder(root, 'c');
    expect(folder.ignored).toEqual(['c/experts/notes.txt']);
  });
});

describe('displayPath', () => {
  test.each([
    ['/p', '/p/content/a.md', 'content/a.md'],
    ['/p', '/elsewhere/a.md', '/elsewhere/a.md'],
  ])('shows %s › %s as %s', (base, path, expected) => {
    expect(displayPath(base, path)).toBe(expected);
  });
});
