import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { CODE_KEY, contentLoader, isContentPath, type StoredParse } from './loader.ts';
import { readContentFolder } from './files.ts';
import { checkSources } from './check.ts';
import { codeFingerprint } from './fingerprint.ts';
import { handOver } from './handoff.ts';
import { parseBody } from './markdown.ts';
import { SCHEMAS, type CollectionName } from './schemas.ts';

const tmp = mkdtempSync(join(tmpdir(), 'content-loader-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Entry = Parameters<LoaderContext['store']['set']>[0];

const COMMENTARY = (text: string, order = 1) => `---
analysis: a
expert: e
question: Why?
order: ${order}
themes:
  - water
---

${text}
`;

let root: string;
const write = (path: string, text: string | Buffer) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmp, 'project-'));
  write('src/content/parser.ts', 'export const version = 1;\n');
  write('content/commentaries/a/e.md', COMMENTARY('Water is first.\n\nRivers rise.'));
  write('content/commentaries/a/f.md', COMMENTARY('More water.', 2).replace('expert: e', 'expert: f'));
});

/**
 * The loader's context, in memory: Astro's store semantics (set() ignores an unchanged digest),
 * the real schemas as parseData, and what it logged. Data persists across loads, as Astro's does.
 */
function project(collection: CollectionName = 'commentaries') {
  const entries = new Map<string, Entry>();
  const meta = new Map<string, string>();
  const logged: string[] = [];
  const parsedIds: string[] = [];
  const watcher = Object.assign(new EventEmitter(), { added: [] as string[] });
  const context = (watch: boolean) =>
    ({
      collection,
      config: { root: pathToFileURL(`${root}/`) },
      store: {
        get: (id: string) => entries.get(id),
        set: (entry: Entry) => {
          if (entry.digest && entries.get(entry.id)?.digest === entry.digest) return false;
          entries.set(entry.id, entry);
          return true;
        },
        delete: (id: string) => entries.delete(id),
        clear: () => entries.clear(),
        keys: () => [...entries.keys()],
      },
      meta: { get: (k: string) => meta.get(k), set: (k: string, v: string) => meta.set(k, v) },
      logger: {
        info: (m: string) => logged.push(`info ${m}`),
        warn: (m: string) => logged.push(`warn ${m}`),
        error: (m: string) => logged.push(`error ${m}`),
      },
      parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
        parsedIds.push(id);
        return SCHEMAS[collection].parse(data) as Record<string, unknown>;
      },
      generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
      ...(watch ? { watcher: Object.assign(watcher, { add: (p: string) => watcher.added.push(p) }) } : {}),
    }) as unknown as LoaderContext;
  const load = (watch = false) => contentLoader(collection, 'content').load(context(watch));
  return { entries, meta, logged, parsedIds, watcher, load };
}

describe('contentLoader', () => {
  test('stores each file under the check’s id with the body’s parse, and the line the body begins on', async () => {
    const { entries, load } = project();
    await load();
    const { files } = await readContentFolder(root, 'content');
    const checked = checkSources(files, { contentDir: 'content' }).content.commentaries;
    expect([...entries.keys()].sort()).toEqual(checked.map((c) => c.id).sort());
    const entry = entries.get('a/e')!;
    expect(entry.filePath).toBe('content/commentaries/a/e.md');
    const stored = entry.rendered?.metadata as unknown as StoredParse;
    expect(stored.parse).toEqual(parseBody('Water is first.\n\nRivers rise.'));
    expect(stored.parse?.blocks?.map((b) => b.kind === 'passage' && b.text)).toEqual([
      'Water is first.',
      'Rivers rise.',
    ]);
    expect(stored.bodyLine).toBe(checked.find((c) => c.id === 'a/e')!.bodyLine);
  });

  test('stores what is wrong with a body instead of its blocks', async () => {
    write('content/commentaries/a/e.md', COMMENTARY('A [link](javascript:alert(1)).'));
    const { entries, load } = project();
    await load();
    const stored = entries.get('a/e')!.rendered?.metadata as unknown as StoredParse;
    expect(stored.parse?.blocks).toBeUndefined();
    expect(stored.parse?.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/javascript/) }),
    ]);
  });

  test('on a later load, reads only changed files again, and drops the entries of removed ones', async () => {
    const { entries, parsedIds, logged, load } = project();
    await load();
    expect(parsedIds.sort()).toEqual(['a/e', 'a/f']);
    parsedIds.length = 0;
    write('content/commentaries/a/e.md', COMMENTARY('Water is second.'));
    unlinkSync(join(root, 'content/commentaries/a/f.md'));
    await load();
    expect(parsedIds).toEqual(['a/e']);
    expect([...entries.keys()]).toEqual(['a/e']);
    expect(entries.get('a/e')!.body).toBe('Water is second.');
    expect(logged.at(-1)).toBe('info 1 of 1 entries read, the others unchanged since the last run');
  });

  test('in a build, stores the files as the content check read them, reading none again, once', async () => {
    const { files } = await readContentFolder(root, 'content');
    const checked = checkSources(files, { contentDir: 'content' });
    const parses = { get: (markdown: string) => (markdown.startsWith('Water') ? parseBody(markdown) : undefined) };
    const handed = {
      root: fileURLToPath(pathToFileURL(`${root}/`)),
      contentDir: 'content',
      fingerprint: codeFingerprint(root),
      files: checked.files!,
      parses,
    };
    // Edited after the check: this build publishes what was checked; the next one reads the edit.
    write('content/commentaries/a/e.md', COMMENTARY('Water is second.'));
    handOver(handed);
    const { entries, load } = project();
    await load();
    expect(entries.get('a/e')!.body).toBe('Water is first.\n\nRivers rise.');
    expect(entries.get('a/f')!.body).toBe('More water.');
    await load();
    expect(entries.get('a/e')!.body).toBe('Water is second.');
    // Not from another project, nor from other code.
    for (const other of [{ root: `${tmp}/` }, { contentDir: 'elsewhere' }, { fingerprint: 'other code' }]) {
      handOver({ ...handed, ...other });
      const fresh = project();
      await fresh.load();
      expect(fresh.entries.get('a/e')!.body).toBe('Water is second.');
    }
  });

  test('reads every file again when the code that parses them changes', async () => {
    const { meta, parsedIds, load } = project();
    await load();
    expect(meta.get(CODE_KEY)).toBe(codeFingerprint(root));
    parsedIds.length = 0;
    await load();
    expect(parsedIds).toEqual([]);
    write('src/content/parser.ts', 'export const version = 2;\n');
    await load();
    expect(parsedIds.sort()).toEqual(['a/e', 'a/f']);
  });

  test('never reads a link, a named pipe or a file that is not UTF-8; a build stops with the check’s lines', async () => {
    write('outside.md', COMMENTARY('A secret outside the content folder.', 3));
    symlinkSync(join(root, 'outside.md'), join(root, 'content/commentaries/a/g.md'));
    write('content/commentaries/a/h.md', Buffer.from(COMMENTARY('Caf\xe9', 4), 'latin1'));
    execFileSync('mkfifo', [join(root, 'content/commentaries/a/i.md')]);
    const { entries, load } = project();
    const failure = await load().then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    const { files } = await readContentFolder(root, 'content');
    const lines = checkSources(files, { contentDir: 'content' })
      .problems.filter((p) => p.field === 'file' || p.field === 'encoding')
      .map((p) => `error: ${p.file} › ${p.field}: ${p.message}`);
    expect(lines).toHaveLength(3);
    expect(failure?.message.split('\n')).toEqual(lines);
    expect(JSON.stringify([...entries.values()])).not.toContain('secret');
  });

  test('in `astro dev`, reloads a saved file and reports a mistake in one line, keeping the last good entry', async () => {
    const { entries, logged, watcher, load } = project();
    await load(true);
    expect(watcher.added).toEqual([join(root, 'content/commentaries')]);
    const file = join(root, 'content/commentaries/a/e.md');
    const settle = () => new Promise((wait) => setTimeout(wait, 400));

    writeFileSync(file, COMMENTARY('Water is third.'));
    watcher.emit('change', file);
    await settle();
    expect(logged.at(-1)).toBe('info Reloaded data from a/e.md');
    expect(entries.get('a/e')!.body).toBe('Water is third.');

    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      writeFileSync(file, COMMENTARY('Water.').replace('order: 1', 'order: 1\ntitle: ['));
      watcher.emit('change', file);
      await settle();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    const { files } = await readContentFolder(root, 'content');
    const [problem] = checkSources(files, { contentDir: 'content' }).problems.filter((p) =>
      p.file.endsWith('a/e.md'),
    );
    expect(logged.at(-1)).toBe(
      `error error: ${problem!.file} › ${problem!.field}: ${problem!.message}. The site shows the file as it was before this save until it is fixed.`,
    );
    expect(logged.at(-1)).not.toContain('\n');
    expect(unhandled).toEqual([]);
    expect(entries.get('a/e')!.body).toBe('Water is third.');

    unlinkSync(file);
    watcher.emit('unlink', file);
    await settle();
    expect([...entries.keys()]).toEqual(['a/f']);
  });
});

describe('isContentPath', () => {
  test('is true for the visible .md files under the folder only', () => {
    expect(isContentPath('/p/content/themes', '/p/content/themes/water.md')).toBe(true);
    expect(isContentPath('/p/content/themes', '/p/content/themes/sub/water.md')).toBe(true);
    expect(isContentPath('/p/content/themes', '/p/content/themes/.water.md')).toBe(false);
    expect(isContentPath('/p/content/themes', '/p/content/themes/.git/water.md')).toBe(false);
    expect(isContentPath('/p/content/themes', '/p/content/themes/water.txt')).toBe(false);
    expect(isContentPath('/p/content/themes', '/p/content/experts/water.md')).toBe(false);
  });
});
