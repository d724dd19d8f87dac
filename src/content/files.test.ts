import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { displayPath, readContentFolder } from './files.ts';

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

describe('readContentFolder, on what is not a regular file inside the folder', () => {
  let top: string;
  const at = (path: string) => join(top, path);

  beforeAll(() => {
    top = mkdtempSync(join(tmpdir(), 'perspectives-unsafe-'));
    for (const folder of ['c/analyses', 'c/experts', 'c/themes', 'c/commentaries/a', 'outside'])
      mkdirSync(at(folder), { recursive: true });
    writeFileSync(at('outside/secret.md'), '---\nname: Outside the content folder\n---\n');
    writeFileSync(at('c/experts/ok.md'), '---\nname: Ok\n---\n');
    symlinkSync(at('outside/secret.md'), at('c/experts/linked.md'));
    symlinkSync('/etc', at('c/themes/etc'));
    symlinkSync('/dev/zero', at('c/analyses/zero.md'));
    execFileSync('mkfifo', [at('c/commentaries/a/pipe.md')]);
    symlinkSync(at('outside'), at('c/commentaries/b'));
    writeFileSync(at('c/experts/latin.md'), Buffer.from('---\nname: Jos\xe9 M\xfcller\n---\n', 'latin1'));
    writeFileSync(at('c/experts/bom.md'), `\uFEFF---\nname: Bom\n---\n`);
  });

  afterAll(() => rmSync(top, { recursive: true, force: true }));

  test('refuses links and pipes by name without reading, listing or waiting on them', async () => {
    const folder = await readContentFolder(top, 'c');
    const unreadable = folder.files.filter((f) => f.unreadable).map((f) => [f.file, f.unreadable!.message]);
    expect(unreadable).toEqual([
      [
        'c/analyses/zero.md',
        expect.stringMatching(/^is a symbolic link \(to \/dev\/zero\): .*replace the link/),
      ],
      ['c/experts/latin.md', expect.stringMatching(/^line 2: byte 0xE9 is not UTF-8/)],
      ['c/experts/linked.md', expect.stringMatching(/^is a symbolic link \(to .*outside\/secret.md\)/)],
      [
        'c/commentaries/a/pipe.md',
        expect.stringMatching(/^is a named pipe \(FIFO\), not a regular file: remove it/),
      ],
    ]);
    expect(folder.refused).toEqual([
      {
        file: 'c/themes/etc',
        field: 'file',
        message: expect.stringMatching(/^is a symbolic link \(to \/etc\)/),
      },
      { file: 'c/commentaries/b', field: 'file', message: expect.stringMatching(/^is a symbolic link/) },
    ]);
    expect(JSON.stringify(folder)).not.toContain('Outside the content folder');
    expect(folder.ignored).toEqual([]);
  });

  test('reads a UTF-8 file that starts with a byte-order mark, without the mark', async () => {
    const folder = await readContentFolder(top, 'c');
    expect(folder.files.find((f) => f.file === 'c/experts/bom.md')?.source).toBe('---\nname: Bom\n---\n');
  });

  test('refuses a collection folder that is a link to somewhere else', async () => {
    mkdirSync(at('d'));
    for (const folder of ['analyses', 'experts', 'commentaries']) mkdirSync(at(`d/${folder}`));
    symlinkSync('/etc', at('d/themes'));
    const folder = await readContentFolder(top, 'd');
    expect(folder.refused).toEqual([
      {
        file: 'd/themes/',
        field: 'folder',
        message: expect.stringMatching(/^is a symbolic link \(to \/etc\)/),
      },
    ]);
    expect(folder.missing).toEqual([]);
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
