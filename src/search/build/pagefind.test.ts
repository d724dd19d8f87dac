import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { listFiles } from '../../util/folder.mjs';
import { describe, expect, test, vi } from 'vitest';
import { broken, record, scratchFolders } from './index.fixture.ts';
import {
  HANDOFF,
  HANDOFF_FILE,
  INDEX_AFTER_ASTRO_FROM,
  bringUpToDate,
  handOff,
  handedOff,
  startHandedOff,
  indexAfterAstro,
  indexLeftRecords,
  withDeadline,
  writeDeadline,
  writeSearchIndex,
} from './pagefind.mjs';
import { RECORDS_FILE } from './records.ts';

const scratch = scratchFolders();

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
    await expect(writeSearchIndex([broken('/b/')], out)).rejects.toThrow(/Pagefind/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('writeSearchIndex over an earlier bundle', () => {
  /** Each file of a folder by its path, with its bytes and when it was last written. */
  const contents = async (folder: string) =>
    Object.fromEntries(
      await Promise.all(
        (await listFiles(folder)).map(
          async (f) =>
            [f.path, { text: (await readFile(f.full)).toString('base64'), at: f.modified }] as const,
        ),
      ),
    );
  const oil = record('/a/', '<p id="p-1">Oil prices rose.</p>');
  const rain = record('/b/', '<p id="p-2">Rain fell.</p>');
  const snow = record('/c/', '<p id="p-3">Snow came late.</p>');

  test('leaves the files of unchanged records as they are, and ends with what a fresh bundle holds', async () => {
    const folder = await scratch();
    const fresh = join(folder, 'fresh');
    const kept = join(folder, 'kept');
    await writeSearchIndex([oil, rain], kept);
    const before = await contents(kept);
    await writeSearchIndex([oil, snow], kept);
    await writeSearchIndex([oil, snow], fresh);
    const after = await contents(kept);
    const expected = await contents(fresh);
    // The same files with the same bytes as a bundle written from nothing: nothing of "rain" is left.
    expect(Object.fromEntries(Object.entries(after).map(([p, f]) => [p, f.text]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([p, f]) => [p, f.text])),
    );
    // The fragment of the unchanged record was not written again; the new record's was.
    const fragments = (files: typeof after) => Object.keys(files).filter((p) => p.startsWith('fragment/'));
    const keptFragments = fragments(after).filter((p) => p in before);
    expect(keptFragments).toHaveLength(1);
    expect(after[keptFragments[0]!]!.at).toBe(before[keptFragments[0]!]!.at);
    expect(fragments(after).filter((p) => !(p in before))).toHaveLength(1);
    expect(fragments(before).filter((p) => !(p in after))).toHaveLength(1);
  });
});

describe('bringUpToDate', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  test('writes what is missing or differs, leaves what is the same, and removes the rest with its empty folders', async () => {
    const folder = await scratch();
    await mkdir(join(folder, 'fragment'), { recursive: true });
    await mkdir(join(folder, 'old'), { recursive: true });
    await writeFile(join(folder, 'fragment/a.pf_fragment'), 'same');
    await writeFile(join(folder, 'fragment/b.pf_fragment'), 'damaged, though its name is right');
    await writeFile(join(folder, 'old/c.pf_index'), 'stale');
    await writeFile(join(folder, 'pagefind-ui.js'), 'an interface the site never loads');
    const same = (await stat(join(folder, 'fragment/a.pf_fragment'))).mtimeMs;
    const result = await bringUpToDate(folder, [
      { path: 'fragment/a.pf_fragment', content: bytes('same') },
      { path: 'fragment/b.pf_fragment', content: bytes('right') },
      { path: 'index/d.pf_index', content: bytes('new') },
      { path: 'pagefind.js', content: bytes('entry') },
      { path: 'pagefind-ui.css', content: bytes('never written') },
    ]);
    expect(result).toEqual({ written: 3, removed: 2, bytes: 4 + 5 + 3 + 5 });
    const files = await listFiles(folder);
    expect(files.map((f) => f.path).sort()).toEqual([
      'fragment/a.pf_fragment',
      'fragment/b.pf_fragment',
      'index/d.pf_index',
      'pagefind.js',
    ]);
    expect(await readFile(join(folder, 'fragment/b.pf_fragment'), 'utf8')).toBe('right');
    expect((await stat(join(folder, 'fragment/a.pf_fragment'))).mtimeMs).toBe(same);
    expect(existsSync(join(folder, 'old'))).toBe(false);
  });

  test('replaces a link where a file goes, never writing through it', async () => {
    const folder = await scratch();
    const outside = join(await scratch(), 'outside.txt');
    await writeFile(outside, 'not the bundle’s');
    await symlink(outside, join(folder, 'pagefind.js'));
    await bringUpToDate(folder, [{ path: 'pagefind.js', content: bytes('entry') }]);
    expect(await readFile(outside, 'utf8')).toBe('not the bundle’s');
    expect((await lstat(join(folder, 'pagefind.js'))).isSymbolicLink()).toBe(false);
    expect(await readFile(join(folder, 'pagefind.js'), 'utf8')).toBe('entry');
  });

  test('refuses a path that would leave the bundle', async () => {
    const folder = await scratch();
    for (const path of ['../x.js', 'fragment/../../x.js', '/etc/x.js', 'a//b.js'])
      await expect(bringUpToDate(folder, [{ path, content: bytes('x') }])).rejects.toThrow(
        /outside its bundle/,
      );
  });
});

describe('writeSearchIndex after a failure', () => {
  test('stops Pagefind when it fails, so that the next index starts afresh', async () => {
    const failed = join(await scratch(), 'pagefind');
    await expect(writeSearchIndex([broken('/b/')], failed)).rejects.toThrow(/Pagefind/);
    const out = join(await scratch(), 'pagefind');
    await expect(writeSearchIndex([record('/a/', '<p id="p-1">Oil.</p>')], out)).resolves.toMatchObject({
      records: 1,
    });
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

describe('indexAfterAstro', () => {
  test.each([
    [undefined, 20_000, false],
    ['', 20_000, false],
    ['5000', 4_999, false],
    ['5000', 5_000, true],
    ['0', 0, true],
  ])(
    `with ${INDEX_AFTER_ASTRO_FROM}=%j, %i records are left to scripts/build.mjs: %s`,
    (from, records, left) => {
      const env = { [HANDOFF]: '1', ...(from === undefined ? {} : { [INDEX_AFTER_ASTRO_FROM]: from }) };
      expect(indexAfterAstro(records, env)).toBe(left);
    },
  );

  test(`leaves none unless scripts/build.mjs started the process (${HANDOFF}): astro build alone writes its index`, () => {
    expect(indexAfterAstro(20_000, { [INDEX_AFTER_ASTRO_FROM]: '0' })).toBe(false);
  });

  test.each(['many', '-1', '2.5'])('refuses %j, naming the variable', (from) => {
    expect(() => indexAfterAstro(1, { [HANDOFF]: '1', [INDEX_AFTER_ASTRO_FROM]: from })).toThrow(
      INDEX_AFTER_ASTRO_FROM,
    );
  });
});

describe('indexLeftRecords', () => {
  const two = [record('/a/', '<p id="p-1">Oil.</p>'), record('/b/', '<p id="p-2">Rain.</p>')];

  test('indexes the records left in a site into its bundle and removes them', async () => {
    const site = await scratch();
    await writeFile(join(site, RECORDS_FILE), JSON.stringify(two));
    await expect(indexLeftRecords(site)).resolves.toMatchObject({ records: 2 });
    expect(existsSync(join(site, RECORDS_FILE))).toBe(false);
    expect(await readdir(join(site, 'pagefind'))).toContain('pagefind.js');
  });

  test('does nothing in a site without records (Astro indexed them itself)', async () => {
    const site = await scratch();
    await expect(indexLeftRecords(site)).resolves.toBeUndefined();
    expect(existsSync(join(site, 'pagefind'))).toBe(false);
  });

  test('refuses records that are not a list, and fails with Pagefind’s reason on a bad record', async () => {
    const site = await scratch();
    await writeFile(join(site, RECORDS_FILE), '{"url": "/a/"}');
    await expect(indexLeftRecords(site)).rejects.toThrow(/expected a list/);
    await writeFile(join(site, RECORDS_FILE), JSON.stringify([broken('/b/')]));
    await expect(indexLeftRecords(site)).rejects.toThrow(/Pagefind.*\/b\//s);
  });

  test('stops at once when interrupted, keeping the records', async () => {
    const site = await scratch();
    await writeFile(join(site, RECORDS_FILE), JSON.stringify(two));
    const controller = new AbortController();
    const indexing = indexLeftRecords(site, { signal: controller.signal });
    controller.abort();
    await expect(indexing).rejects.toThrow('interrupted');
    expect(existsSync(join(site, RECORDS_FILE))).toBe(true);
  });
});

describe('handing the records over to scripts/build.mjs', () => {
  const two = [record('/a/', '<p id="p-1">Oil.</p>'), record('/b/', '<p id="p-2">Rain’s “end”.</p>')];

  test(`hands nothing over without ${HANDOFF}: the records are indexed from their file`, async () => {
    const site = await scratch();
    vi.stubEnv(HANDOFF, '');
    try {
      await expect(handOff(two, site)).resolves.toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(existsSync(join(site, HANDOFF_FILE))).toBe(false);
  });

  test('writes them a line each, says where, and they are indexed from there', async () => {
    const site = await scratch();
    const sent: unknown[] = [];
    const send = process.send;
    vi.stubEnv(HANDOFF, '1');
    process.send = ((
      message: unknown,
      _handle: unknown,
      _options: unknown,
      callback: (e: Error | null) => void,
    ) => {
      sent.push(message);
      callback(null);
      return true;
    }) as typeof process.send;
    try {
      await expect(handOff(two, site)).resolves.toBe(true);
    } finally {
      process.send = send;
      vi.unstubAllEnvs();
    }
    const file = join(site, HANDOFF_FILE);
    expect(sent.map(handedOff)).toEqual([{ file, records: 2 }]);
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    expect(lines.map((line) => JSON.parse(line))).toEqual(two);
    await expect(
      indexLeftRecords(site, { started: startHandedOff({ file, records: 2 }, site) }),
    ).resolves.toMatchObject({
      records: 2,
    });
    expect(await readdir(join(site, 'pagefind'))).toContain('pagefind.js');
    expect(existsSync(file)).toBe(false);
  });

  test('ends the indexing thread when stopped while it writes: the write fails, no index is left', async () => {
    const site = await scratch();
    const file = join(site, HANDOFF_FILE);
    await writeFile(file, two.map((one) => JSON.stringify(one)).join('\n'));
    const started = startHandedOff({ file, records: 2 }, site);
    const writing = started.write();
    writing.catch(() => undefined);
    await started.stop();
    await expect(writing).rejects.toThrow(/indexing thread ended/);
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(false);
  });

  test('fails when Pagefind indexed fewer records than were handed over', async () => {
    const site = await scratch();
    const file = join(site, HANDOFF_FILE);
    await writeFile(file, two.map((one) => JSON.stringify(one)).join('\n'));
    await expect(startHandedOff({ file, records: 3 }, site).write()).rejects.toThrow(
      'Pagefind indexed 2 of the 3 records handed over.',
    );
  });

  test('fails with the reason when a line handed over is not a record', async () => {
    const site = await scratch();
    const file = join(site, HANDOFF_FILE);
    await writeFile(file, `${JSON.stringify(two[0])}\n{"url": "/b/", "con`);
    await expect(
      indexLeftRecords(site, { started: startHandedOff({ file, records: 2 }, site) }),
    ).rejects.toThrow(/JSON/);
  });

  test.each([
    undefined,
    null,
    'x',
    { searchRecords: 5, records: 1 },
    { searchRecords: '/x' },
    { other: '/x' },
  ])('reads no records from the message %j', (message) => {
    expect(handedOff(message)).toBeUndefined();
  });
});
