import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { RECORDS_FILE, type SearchDocument } from './records';
import { searchIndex, withDeadline, writeDeadline, writeSearchIndex } from './integration';

const record = (url: string, body: string): SearchDocument => ({
  url,
  content: `<!doctype html><html lang="en"><head></head><body>${body}</body></html>`,
});

const folders: string[] = [];
const scratch = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'search-index-'));
  folders.push(folder);
  return folder;
};
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('writeSearchIndex', () => {
  test('writes a bundle holding every record, without Pagefind’s unused interfaces', async () => {
    const out = join(await scratch(), 'pagefind');
    const result = await writeSearchIndex(
      [record('/a/', '<p id="p-1">Oil prices rose.</p>'), record('/b/', '<p id="p-2">Rain fell.</p>')],
      out,
    );
    expect(result.records).toBe(2);
    expect(result.bytes).toBeGreaterThan(0);
    const files = await readdir(out);
    expect(files).toContain('pagefind.js');
    expect(files.filter((f) => /ui|highlight/.test(f))).toEqual([]);
  });

  test('indexes records in concurrent batches, every one of them', async () => {
    const out = join(await scratch(), 'pagefind');
    const many = Array.from({ length: 150 }, (_, i) =>
      record(`/r${i}/`, `<p id="p-${i}">Word${i} text.</p>`),
    );
    await expect(writeSearchIndex(many, out)).resolves.toMatchObject({ records: 150 });
  });

  test('fails with Pagefind’s reason when it refuses a record, and writes nothing', async () => {
    const out = join(await scratch(), 'pagefind');
    const broken = { url: '/b/', content: 5 } as unknown as SearchDocument;
    await expect(writeSearchIndex([broken], out)).rejects.toThrow(/Pagefind/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('withDeadline', () => {
  test('passes a result through in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
  });

  test('turns a call that never returns into an error instead of letting the build end quietly', async () => {
    await expect(withDeadline(new Promise(() => undefined), 20, 'writing the index')).rejects.toThrow(
      /did not finish writing the index within 0.02 s/,
    );
  });
});

describe('writeDeadline', () => {
  test('grows with the index, so that a large archive on a slow machine is not stopped mid-write', () => {
    expect(writeDeadline(0, 60_000)).toBe(60_000);
    expect(writeDeadline(13_000, 60_000)).toBeGreaterThan(writeDeadline(1_000, 60_000));
    expect(writeDeadline(13_000, 60_000)).toBeGreaterThanOrEqual(300_000);
  });
});

describe('searchIndex', () => {
  const buildDone = async (dir: string) => {
    const hook = searchIndex().hooks['astro:build:done'] as unknown as (options: {
      dir: URL;
      logger: { info: (message: string) => void };
    }) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: () => undefined } });
  };
  const records = [record('/a/', '<p id="p-1">Oil prices rose.</p>')];

  test('indexes the records the build wrote and removes them from the site', async () => {
    const site = await scratch();
    await writeFile(join(site, RECORDS_FILE), JSON.stringify(records));
    await buildDone(site);
    expect(existsSync(join(site, RECORDS_FILE))).toBe(false);
    expect(await readdir(join(site, 'pagefind'))).toContain('pagefind.js');
  });

  test('keeps a copy of them for the benchmark when BENCH_KEEP_RECORDS names a file', async () => {
    const site = await scratch();
    const kept = join(await scratch(), 'records.json');
    await writeFile(join(site, RECORDS_FILE), JSON.stringify(records));
    vi.stubEnv('BENCH_KEEP_RECORDS', kept);
    try {
      await buildDone(site);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(JSON.parse(await readFile(kept, 'utf8'))).toEqual(records);
    expect(existsSync(join(site, RECORDS_FILE))).toBe(false);
  });
});
