import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PublishError, publish, recover } from './publish.mjs';
import { lock } from './lock-folder.mjs';

let root;
let out;
let work;

/** Writes a site of one page saying `text`. */
function writeSite(dir, text) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
}

const page = () => readFileSync(join(out, 'index.html'), 'utf8');

beforeEach(() => {
  mkdirSync(resolve('.build'), { recursive: true });
  root = mkdtempSync(resolve('.build/publish-test-'));
  out = join(root, 'dist');
  work = join(root, '.build');
  writeSite(out, 'old');
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe('publish', () => {
  test('swaps in the new site when the build succeeds, and leaves nothing behind', async () => {
    const result = await publish({ out, work, produce: async (dir) => (writeSite(dir, 'new'), true) });
    expect(result).toEqual({ published: true, interrupted: false });
    expect(page()).toBe('new');
    expect(readdirSync(work)).toEqual([]);
  });

  test('hands the replaced site to `retire`, and removes it if that fails', async () => {
    const kept = join(root, 'kept');
    const result = await publish({
      out,
      work,
      produce: async (dir) => (writeSite(dir, 'new'), true),
      retire: async (previous) => renameSync(previous, kept),
    });
    expect(result.published).toBe(true);
    expect([page(), readFileSync(join(kept, 'index.html'), 'utf8')]).toEqual(['new', 'old']);
    expect(readdirSync(work)).toEqual([]);

    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await publish({
      out,
      work,
      produce: async (dir) => (writeSite(dir, 'newer'), true),
      retire: async () => {
        throw new Error('no room');
      },
    });
    expect(page()).toBe('newer');
    expect(readdirSync(work)).toEqual([]);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('no room'));
  });

  test.each([
    ['fails after writing half a site', async (dir) => (writeSite(dir, 'half'), false)],
    [
      'throws after writing half a site',
      async (dir) => {
        writeSite(dir, 'half');
        throw new Error('the search index could not be written');
      },
    ],
    ['never writes anything', async () => false],
  ])('keeps the old site untouched when the build %s', async (_, produce) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await publish({ out, work, produce });
    expect(result.published).toBe(false);
    expect(page()).toBe('old');
    expect(readdirSync(work)).toEqual([]);
  });

  test('keeps the old site when the build succeeds but its output fails verification', async () => {
    const result = await publish({
      out,
      work,
      produce: async (dir) => (mkdirSync(dir, { recursive: true }), true),
      verify: (dir) => existsSync(join(dir, 'index.html')),
    });
    expect(result.published).toBe(false);
    expect(page()).toBe('old');
  });

  test('publishes a first site where there was none', async () => {
    rmSync(out, { recursive: true });
    await publish({ out, work, produce: async (dir) => (writeSite(dir, 'first'), true) });
    expect(page()).toBe('first');
  });

  test('discards a build interrupted by SIGTERM, even one that then completes', async () => {
    const result = await publish({
      out,
      work,
      produce: async (dir, signal) => {
        writeSite(dir, 'new');
        process.emit('SIGTERM', 'SIGTERM');
        return signal.aborted;
      },
    });
    expect(result).toEqual({ published: false, interrupted: true });
    expect(page()).toBe('old');
    expect(readdirSync(work)).toEqual([]);
  });
});

describe('publish, when the site cannot be swapped in', () => {
  test.each([
    ['the folder it is in is read-only or immutable', () => root],
    ['dist/ itself is read-only or immutable', () => out],
  ])('stops with the cause and what to do when %s, and leaves no staging folder', async (_, locked, ctx) => {
    mkdirSync(work, { recursive: true });
    const unlock = lock(locked());
    if (!unlock) return ctx.skip();
    try {
      const attempt = publish({ out, work, produce: async (dir) => (writeSite(dir, 'new'), true) });
      await expect(attempt).rejects.toThrow(PublishError);
      await expect(attempt).rejects.toThrow(
        /dist\/ could not be replaced \((EPERM|EACCES): .*\): make .*dist and the folder it is in writable .* or build elsewhere with --out$/,
      );
    } finally {
      unlock();
    }
    expect(page()).toBe('old');
    expect(readdirSync(work)).toEqual([]);
  });
});

describe('recover', () => {
  /** The id of a process that has certainly ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

  test('puts the previous site back when a build died between the two renames', async () => {
    rmSync(out, { recursive: true });
    writeSite(join(work, `dist.previous-${deadPid()}`), 'old');
    const done = await recover({ out, work });
    expect(done).toEqual(['restored dist/ from an interrupted build']);
    expect(page()).toBe('old');
    expect(readdirSync(work)).toEqual([]);
  });

  test('removes the staging folder of a dead build and keeps the current site', async () => {
    writeSite(join(work, `dist.next-${deadPid()}`), 'half');
    writeSite(join(work, `dist.previous-${deadPid()}`), 'older');
    await recover({ out, work });
    expect(page()).toBe('old');
    expect(readdirSync(work)).toEqual([]);
  });

  test('leaves alone the folders of a build still running and of other outputs', async () => {
    const mine = `dist.next-${process.pid}`;
    const other = `test-dist.next-${deadPid()}`;
    writeSite(join(work, mine), 'running');
    writeSite(join(work, other), 'another output');
    expect(await recover({ out, work })).toEqual([]);
    expect(readdirSync(work).sort()).toEqual([mine, other].sort());
  });
});
