import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { RECORDS_FILE, type SearchDocument } from './records.ts';
import type { AstroPrerenderer } from 'astro';
import { broken, record, scratchFolders } from './index.fixture.ts';
import { EarlyIndexing, searchIndex } from './integration.ts';
import { HANDOFF, INDEX_AFTER_ASTRO_FROM, writeSearchIndex } from './pagefind.mjs';

const scratch = scratchFolders();

describe('EarlyIndexing', () => {
  const later = () => new Promise((resolve) => setTimeout(resolve, 20));

  test('indexes the first records handed over, once, until the end of the build takes the result', async () => {
    const out = join(await scratch(), 'pagefind');
    const early = new EarlyIndexing((documents) => writeSearchIndex(documents, out));
    early.offer(Promise.resolve([record('/a/', '<p id="p-1">Oil prices rose.</p>')]));
    early.offer(Promise.resolve([record('/b/', '<p id="p-2">Rain.</p>')]));
    const underWay = early.settle();
    expect(underWay).toBeDefined();
    await expect(underWay!.done).resolves.toMatchObject({ records: 1 });
    expect(early.settle()).toBeUndefined();
  });

  test('keeps a failure for the end of the build instead of letting it end the process', async () => {
    // Vitest fails the run on an unhandled rejection: the waits let one surface.
    const out = join(await scratch(), 'pagefind');
    const index = (documents: readonly SearchDocument[]) => writeSearchIndex(documents, out);
    const early = new EarlyIndexing(index);
    early.offer(Promise.reject(new Error('records unreadable')));
    await later();
    const refused = new EarlyIndexing(index);
    refused.offer(Promise.resolve([broken('/b/')]));
    await later();
    await expect(early.settle()!.done).rejects.toThrow('records unreadable');
    await expect(refused.settle()!.done).rejects.toThrow(/Pagefind/);
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

  /**
   * Runs `astro:config:done` for a static site built into `outDir`, then `astro:build:start`, and
   * renders the records route through the prerenderer it sets.
   */
  const renderRecords = async (
    handed: SearchDocument[],
    outDir: string,
    integration = searchIndex(),
    beforeRender: () => Promise<unknown> = async () => undefined,
  ) => {
    const configDone = integration.hooks['astro:config:done'] as unknown as (options: {
      config: { outDir: URL; integrations: unknown[] };
      buildOutput: 'static';
    }) => void;
    configDone({ config: { outDir: pathToFileURL(`${outDir}/`), integrations: [] }, buildOutput: 'static' });
    let setting: ((d: AstroPrerenderer) => AstroPrerenderer) | AstroPrerenderer | undefined;
    const start = integration.hooks['astro:build:start'] as unknown as (options: {
      setPrerenderer: (value: typeof setting) => void;
    }) => void;
    start({ setPrerenderer: (value) => (setting = value) });
    await beforeRender();
    const route = { route: `/${RECORDS_FILE}` } as never;
    const astroDefault: AstroPrerenderer = {
      name: 'default',
      getStaticPaths: async () => [{ pathname: `/${RECORDS_FILE}`, route }],
      render: async () => new Response(JSON.stringify(handed)),
    };
    const prerenderer = typeof setting === 'function' ? setting(astroDefault) : setting!;
    await prerenderer.render(new Request(`http://x/${RECORDS_FILE}`), { routeData: route });
    return integration;
  };
  const buildDoneOf = async (integration: ReturnType<typeof searchIndex>, dir: string) => {
    const messages: string[] = [];
    const hook = integration.hooks['astro:build:done'] as unknown as (options: {
      dir: URL;
      logger: { info: (message: string) => void; warn: (message: string) => void };
    }) => Promise<void>;
    const log = (m: string) => messages.push(m);
    await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: log, warn: (m) => log(`warn: ${m}`) } });
    return messages.join('\n');
  };

  const two = [record('/a/', '<p id="p-1">Oil.</p>'), record('/b/', '<p id="p-2">Rain.</p>')];
  const appears = async (file: string) => {
    for (let waited = 0; !existsSync(file) && waited < 20_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return existsSync(file);
  };

  test('writes the index of the records handed over while the pages render, before the build is done', async () => {
    const site = await scratch();
    const integration = await renderRecords(two, site);
    // The file holds other records: the ones handed over are those indexed.
    await writeFile(join(site, RECORDS_FILE), JSON.stringify(records));
    expect(await appears(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(await buildDoneOf(integration, site)).toMatch(
      /^Indexed 2 records for search .* in \d+ ms\. Pagefind indexed and wrote them while the pages rendered, in \d+ ms\.$/,
    );
    expect(existsSync(join(site, RECORDS_FILE))).toBe(false);
    expect((await readdir(join(site, 'pagefind'))).filter((f) => /ui|highlight/.test(f))).toEqual([]);
  }, 30_000); // Pagefind may start slowly on a busy machine: the bundle is waited for up to 20 s.

  /** Records the content check derived, as the search integration is given them. */
  const fromCheck = (documents: SearchDocument[]) => ({ claim: () => documents });
  const indexed = async (site: string) => {
    const entry = JSON.parse(await readFile(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  };

  test('indexes the records derived from the content check before any page renders, when the route gives the same', async () => {
    const site = await scratch();
    const integration = searchIndex({ checked: fromCheck(two) });
    // The bundle is written before the records route is rendered.
    await renderRecords(two, site, integration, async () =>
      expect(await appears(join(site, 'pagefind', 'pagefind.js'))).toBe(true),
    );
    await writeFile(join(site, RECORDS_FILE), JSON.stringify(two));
    expect(await buildDoneOf(integration, site)).toMatch(
      /^Indexed 2 records for search .* Pagefind indexed and wrote them from the content check on, in \d+ ms\.$/,
    );
    expect(await indexed(site)).toBe(2);
    expect(existsSync(join(site, RECORDS_FILE))).toBe(false);
  }, 30_000);

  test('indexes the route’s records instead, with a warning, when those derived from the content check differ', async () => {
    const site = await scratch();
    const integration = searchIndex({ checked: fromCheck(records) });
    await renderRecords(two, site, integration);
    await writeFile(join(site, RECORDS_FILE), JSON.stringify(two));
    const log = await buildDoneOf(integration, site);
    expect(log).toMatch(/^warn: The search records derived from the content check differ from the build’s/m);
    expect(log).toMatch(/^Indexed 2 records for search .* in \d+ ms\.$/m);
    expect(log).not.toMatch(/Pagefind indexed and wrote them/);
    expect(await indexed(site)).toBe(2);
  }, 30_000);

  test('moves the bundle written early where the build put the site, if elsewhere', async () => {
    const predicted = await scratch();
    const site = await scratch();
    const integration = await renderRecords(two, predicted);
    await writeFile(join(site, RECORDS_FILE), JSON.stringify(records));
    expect(await buildDoneOf(integration, site)).toMatch(/^Indexed 2 records/);
    expect(await readdir(join(site, 'pagefind'))).toContain('pagefind.js');
    expect(existsSync(join(predicted, 'pagefind'))).toBe(false);
  });

  test('stops the build at its end with Pagefind’s reason when early indexing failed', async () => {
    const site = await scratch();
    const integration = await renderRecords([broken('/b/')], site);
    await writeFile(join(site, RECORDS_FILE), JSON.stringify(records));
    await expect(buildDoneOf(integration, site)).rejects.toThrow(
      /The search index could not be built, so the build stops: Pagefind.*\/b\//s,
    );
    expect(existsSync(join(site, 'pagefind'))).toBe(false);
  });

  test(`leaves the records handed over for scripts/build.mjs when there are ${INDEX_AFTER_ASTRO_FROM} or more`, async () => {
    const site = await scratch();
    vi.stubEnv(INDEX_AFTER_ASTRO_FROM, '2');
    vi.stubEnv(HANDOFF, '1');
    // Without an IPC channel to scripts/build.mjs (Vitest's own must not get the message), the records stay in their file.
    const send = process.send;
    process.send = undefined;
    try {
      const integration = await renderRecords(two, site);
      await writeFile(join(site, RECORDS_FILE), JSON.stringify(two));
      expect(await buildDoneOf(integration, site)).toMatch(
        /^Left 2 records in search-records\.json for scripts\/build\.mjs/,
      );
    } finally {
      process.send = send;
      vi.unstubAllEnvs();
    }
    expect(JSON.parse(await readFile(join(site, RECORDS_FILE), 'utf8'))).toEqual(two);
    expect(existsSync(join(site, 'pagefind'))).toBe(false);
  });

  test(`indexes fewer records than ${INDEX_AFTER_ASTRO_FROM} itself`, async () => {
    const site = await scratch();
    vi.stubEnv(INDEX_AFTER_ASTRO_FROM, '3');
    vi.stubEnv(HANDOFF, '1');
    try {
      await writeFile(join(site, RECORDS_FILE), JSON.stringify(two));
      await buildDone(site);
    } finally {
      vi.unstubAllEnvs();
    }
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
