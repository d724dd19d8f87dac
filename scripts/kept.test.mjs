import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { copyPublished, keepReplaced, keptPaths, mirror, takeKept } from './kept.mjs';
import { snapshot } from './content-safety.fixtures.mjs';

let root;
beforeEach(() => {
  mkdirSync(resolve('.build'), { recursive: true });
  root = mkdtempSync(resolve('.build/kept-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes files (path → text) below `dir`, each dated `seconds` since the epoch. */
function site(dir, files, seconds = 1_700_000_000) {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    utimesSync(full, seconds, seconds);
  }
  return dir;
}

describe('mirror', () => {
  test('makes a folder hold what the source holds, copying only what differs, and removes the rest with the folders it empties', async () => {
    const source = site(join(root, 'source'), {
      'index.html': 'home',
      'a/index.html': 'a, edited',
      'c/index.html': 'c, new',
      'pagefind/new.pf': 'new index',
    });
    site(join(root, 'source'), { 'a/index.html': 'a, edited' }, 1_700_000_500);
    const folder = site(join(root, 'folder'), {
      'index.html': 'home',
      'a/index.html': 'a, before',
      'b/deep/index.html': 'b, gone since',
      'pagefind/old.pf': 'old index',
    });
    const done = await mirror(source, folder, { skip: ['pagefind'] });
    const { ['pagefind/new.pf']: skipped, ...rest } = snapshot(source);
    expect(done).toEqual({ copied: 2, removed: 1, files: expect.any(Array) });
    // What the folder holds now, the skipped folder aside, for the build's last step.
    expect(done.files.sort()).toEqual(Object.keys(rest).sort());
    // Everything as in the source, except the skipped folder, left as it was.
    const { ['pagefind/old.pf']: left, ...mirrored } = snapshot(folder);
    expect(mirrored).toEqual(rest);
    expect([skipped, left].every(Boolean)).toBe(true);
    expect(readFileSync(join(folder, 'pagefind/old.pf'), 'utf8')).toBe('old index');
    expect(existsSync(join(folder, 'b'))).toBe(false);
    // Copies take their source's time: a second mirror finds nothing to do.
    expect(statSync(join(folder, 'a/index.html')).mtimeMs).toBe(
      statSync(join(source, 'a/index.html')).mtimeMs,
    );
    expect(await mirror(source, folder, { skip: ['pagefind'] })).toMatchObject({ copied: 0, removed: 0 });
  });

  test('a file of the same size and time is taken as the same; a different size is not', async () => {
    const source = site(join(root, 'source'), { 'x.html': 'abc', 'y.html': 'abcd' });
    const folder = site(join(root, 'folder'), { 'x.html': 'xyz', 'y.html': 'abc' });
    expect(await mirror(source, folder)).toMatchObject({ copied: 1, removed: 0 });
    expect(readFileSync(join(folder, 'y.html'), 'utf8')).toBe('abcd');
  });

  test('a path that is a folder on one side and a file on the other is replaced whole', async () => {
    const source = site(join(root, 'source'), { 'a/index.html': 'a page', b: 'a file' });
    const folder = site(join(root, 'folder'), { a: 'a file', 'b/index.html': 'a page' });
    await mirror(source, folder);
    expect(snapshot(folder)).toEqual(snapshot(source));
  });
});

describe('keeping the replaced site', () => {
  const work = () => join(root, '.build');
  const out = () => join(root, 'dist');

  test('the next build of the same folder takes it, brought up to date with the published site', async () => {
    site(out(), { 'index.html': 'published', 'new/index.html': 'new page' });
    const previous = site(join(root, 'previous'), { 'index.html': 'replaced', 'old/index.html': 'old page' });
    mkdirSync(work(), { recursive: true });
    await keepReplaced(previous, { work: work(), out: out() });
    expect(existsSync(previous)).toBe(false);
    const target = join(work(), 'astro-out');
    expect(await takeKept(target, { work: work(), out: out() })).toMatchObject({ copied: 2, removed: 1 });
    expect(snapshot(target)).toEqual(snapshot(out()));
    const { folder, note } = keptPaths(work(), out());
    expect([existsSync(folder), existsSync(note)]).toEqual([false, false]);
  });

  test('is not used by a build of another folder, nor without its note, and is removed then', async () => {
    site(out(), { 'index.html': 'published' });
    mkdirSync(work(), { recursive: true });
    await keepReplaced(site(join(root, 'previous'), { 'index.html': 'replaced' }), {
      work: work(),
      out: out(),
    });
    const other = join(root, 'elsewhere', 'dist');
    expect(await takeKept(join(work(), 'astro-out'), { work: work(), out: other })).toBe(null);
    expect(existsSync(keptPaths(work(), out()).folder)).toBe(false);

    await keepReplaced(site(join(root, 'previous'), { 'index.html': 'replaced' }), {
      work: work(),
      out: out(),
    });
    rmSync(keptPaths(work(), out()).note);
    expect(await takeKept(join(work(), 'astro-out'), { work: work(), out: out() })).toBe(null);
    expect(existsSync(keptPaths(work(), out()).folder)).toBe(false);
    expect(existsSync(join(work(), 'astro-out'))).toBe(false);
  });
});

describe('copyPublished', () => {
  test('copies the published site, search index and times included, once a build has stamped it', async () => {
    const out = site(join(root, 'dist'), {
      'index.html': 'home',
      'a/index.html': 'a',
      'pagefind/x.pf': 'index',
    });
    const stamp = join(root, 'stamp-dist.json');
    const target = join(root, 'astro-out');
    expect(await copyPublished(target, { out, stamp })).toBe(null);
    expect(existsSync(target)).toBe(false);
    writeFileSync(stamp, '{}\n');
    const done = await copyPublished(target, { out, stamp });
    expect(done).toEqual({ copied: 3, removed: 0, files: expect.any(Array) });
    expect(done.files.sort()).toEqual(['a/index.html', 'index.html', 'pagefind/x.pf']);
    expect(snapshot(target)).toEqual(snapshot(out));
    expect(statSync(join(target, 'a/index.html')).mtimeMs).toBe(statSync(join(out, 'a/index.html')).mtimeMs);
    // Copies, but for the files it may share: those are the published site's own.
    const ino = (dir, path) => statSync(join(dir, path)).ino;
    expect(ino(target, 'a/index.html')).not.toBe(ino(out, 'a/index.html'));
    rmSync(target, { recursive: true });
    await copyPublished(target, { out, stamp, share: (path) => path.startsWith('pagefind/') });
    expect(ino(target, 'pagefind/x.pf')).toBe(ino(out, 'pagefind/x.pf'));
    expect(ino(target, 'index.html')).not.toBe(ino(out, 'index.html'));
    expect(snapshot(target)).toEqual(snapshot(out));
    // No published site: nothing to copy.
    rmSync(target, { recursive: true });
    expect(await copyPublished(target, { out: join(root, 'none'), stamp })).toBe(null);
  });
});
