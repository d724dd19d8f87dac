import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, test } from 'vitest';
import { guardedWatcher, reloadProblem, withoutSelfDuplicates, withReloadProblems } from './dev-loader';
import { readFrontmatter } from './frontmatter';

const dir = mkdtempSync(join(tmpdir(), 'dev-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Watcher = NonNullable<LoaderContext['watcher']>;
type Logger = LoaderContext['logger'];
type Store = LoaderContext['store'];

describe('reloadProblem', () => {
  test('says what the check says about a YAML mistake, in one line', () => {
    const file = join(dir, 'broken.md');
    const source = '---\nquestion: [\n---\n\nText.\n';
    writeFileSync(file, source);
    const read = readFrontmatter(source);
    expect(read.ok).toBe(false);
    const line = reloadProblem(file, 'content/broken.md', new Error('YAMLException: …\n  at stack'));
    expect(line).toBe(
      `error: content/broken.md › frontmatter: ${read.ok ? '' : read.message}. The site shows the file as it was before this save until it is fixed.`,
    );
    expect(line).not.toContain('\n');
  });

  test('falls back to the first line of the error when the file is gone', () => {
    const line = reloadProblem(
      join(dir, 'gone.md'),
      'content/gone.md',
      new Error('could not read\n  at stack'),
    );
    expect(line).toMatch(/^error: content\/gone\.md › file: could not read\. The site shows/);
  });
});

describe('guardedWatcher', () => {
  test('reports a listener that rejects, with the path, instead of leaving the rejection unhandled', async () => {
    const emitter = new EventEmitter();
    const reported: [string, unknown][] = [];
    const watcher = guardedWatcher(emitter as unknown as Watcher, (path, error) =>
      reported.push([path, error]),
    );
    const failure = new Error('bad YAML');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      watcher.on('change', async () => {
        throw failure;
      });
      emitter.emit('change', '/site/content/a.md');
      await new Promise((wait) => setTimeout(wait, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(reported).toEqual([['/site/content/a.md', failure]]);
    expect(unhandled).toEqual([]);
  });

  test('passes other calls through to the watcher', () => {
    const emitter = Object.assign(new EventEmitter(), { added: [] as string[] });
    const watcher = guardedWatcher(
      Object.assign(emitter, { add: (path: string) => emitter.added.push(path) }) as unknown as Watcher,
      () => {},
    );
    watcher.add('/site/content');
    expect(emitter.added).toEqual(['/site/content']);
  });
});

describe('withoutSelfDuplicates', () => {
  const warning = (id: string, file: string) =>
    `Duplicate id "${id}" found in ${file}. Later items with the same id will overwrite earlier ones.`;
  const stored = { 'a/b': { id: 'a/b', data: {}, filePath: 'content/commentaries/a/b.md' } };
  const store = { get: (id: string) => stored[id as keyof typeof stored] } as unknown as Store;
  const logged: string[] = [];
  const logger = withoutSelfDuplicates(
    {
      warn: (m: string) => logged.push(`warn ${m}`),
      info: (m: string) => logged.push(`info ${m}`),
    } as unknown as Logger,
    store,
    '/site',
  );

  test('drops the warning about a file saved again, keeps one about another file', () => {
    logger.warn(warning('a/b', '/site/content/commentaries/a/b.md'));
    logger.warn(warning('a/b', '/site/content/commentaries/a/B.md'));
    logger.warn('Something else');
    logger.info('Reloaded data from a/b.md');
    expect(logged).toEqual([
      `warn ${warning('a/b', '/site/content/commentaries/a/B.md')}`,
      'warn Something else',
      'info Reloaded data from a/b.md',
    ]);
  });
});

describe('withReloadProblems', () => {
  test('turns glob()’s own "Failed to reload" error into the check’s one line, leaves other errors alone', () => {
    const folder = join(dir, 'commentaries');
    const file = join(folder, 'a', 'broken.md');
    const source = '---\nquestion: [\n---\n\nText.\n';
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(join(folder, 'a'), { recursive: true });
    writeFileSync(file, source);
    const logged: string[] = [];
    const logger = withReloadProblems(
      { error: (m: string) => logged.push(m) } as unknown as Logger,
      folder,
      dir,
    );
    logger.error('Failed to reload a/broken.md: missed comma between flow collection entries');
    logger.error('Something else broke');
    const read = readFrontmatter(source);
    expect(logged).toEqual([
      `error: commentaries/a/broken.md › frontmatter: ${read.ok ? '' : read.message}. The site shows the file as it was before this save until it is fixed.`,
      'Something else broke',
    ]);
  });
});
