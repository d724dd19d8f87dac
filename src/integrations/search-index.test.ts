import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { facetFileName, readFacetFile, type FacetFile } from '../lib/search';
import type { SearchRecord } from '../lib/search-index';
import { withDeadline, writeSearchIndex } from './search-index';

const record = (url: string, content: string): SearchRecord => ({
  url,
  content,
  language: 'en',
  meta: { expert: 'Ann Lee', question: 'What happened?', themes: 'Energy' },
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
      [record('/a/#p-1', 'Oil prices rose.'), record('/a/#p-2', 'Rain fell.')],
      out,
    );
    expect(result.records).toBe(2);
    expect(result.bytes).toBeGreaterThan(0);
    const files = await readdir(out);
    expect(files).toEqual(
      expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']),
    );
    expect(files.filter((f) => /ui|highlight/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('facets.'))).toEqual([]);
  });

  test('writes a facet file, named by its checksum, whose rows follow the records as Pagefind lists them', async () => {
    const out = join(await scratch(), 'pagefind');
    // Six records whose permalinks, texts and result ids are in no common order.
    const texts = [
      'Rain fell.',
      'Oil prices rose.',
      'Zinc mines closed.',
      'Art sold.',
      'Markets fell.',
      'Bonds rallied.',
    ];
    const records = texts.map((text, i) => record(`/a/#p-${(i * 7) % 6}`, text));
    const facets = new Map(
      records.map((r, i) => [
        r.url,
        { expert: [`e${i % 2}`], theme: i % 3 === 0 ? [] : [`t${i}`], analysis: ['a'] },
      ]),
    );
    await writeSearchIndex(records, out, { facets });

    const names = (await readdir(out)).filter((f) => f.startsWith('facets.'));
    expect(names).toHaveLength(1);
    const file = JSON.parse(await readFile(join(out, names[0]!), 'utf8')) as FacetFile;
    expect(names[0]).toBe(facetFileName(file.checksum));
    // Each fragment is named by its result id and holds its permalink, as the browser reads it.
    const idOf = new Map<string, string>();
    for (const name of await readdir(join(out, 'fragment'))) {
      const text = gunzipSync(await readFile(join(out, 'fragment', name))).toString('utf8');
      const { url } = JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string };
      idOf.set(url, name.replace(/\.pf_fragment$/, ''));
    }
    const ids = records.map((r) => idOf.get(r.url)!);
    expect([...ids].sort()).not.toEqual(ids); // the ids alone would not give the order
    const read = readFacetFile(file, ids);
    expect([...read.values()]).toEqual([...facets.values()]);
    expect(() => readFacetFile(file, [...ids].reverse())).toThrow(/another build/);
  });

  test('fails with Pagefind’s reason when it refuses a record, and writes nothing', async () => {
    const out = join(await scratch(), 'pagefind');
    const broken = { ...record('/b/', 'x'), meta: { expert: 5 } } as unknown as SearchRecord;
    await expect(writeSearchIndex([broken], out)).rejects.toThrow(/expected a string/);
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
