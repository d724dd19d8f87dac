import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { citationFiles } from './citation.ts';
import { filesIn, leftOver, readSeen, routeOutputs, writeFiles, writeSeen } from './integration.ts';
import { filesAt, listFiles, listPaths, removeFiles } from '../util/folder.mjs';
import { fixtureLinks } from './links.fixture.ts';
import { parsePartialDate } from '../util/dates.ts';
import type { Analysis, Commentary, Expert, SiteModel } from '../model/model.ts';

const experts = {
  'ana-lopez': { id: 'ana-lopez', givenName: 'Ana', familyName: 'López' },
  'ben-okafor': { id: 'ben-okafor', givenName: 'Ben', familyName: 'Okafor' },
} as unknown as Record<string, Expert>;
const commentary = (expert: string, question: string) =>
  ({ id: `g20-summit/${expert}`, analysis: 'g20-summit', expert, question }) as unknown as Commentary;
const commentaries = [commentary('ana-lopez', 'Can sanctions work?'), commentary('ben-okafor', 'Who pays?')];
const analysis = {
  id: 'g20-summit',
  title: 'What the G20 Summit Means',
  published: parsePartialDate('2023-11')!,
  commentaries,
} as unknown as Analysis;
const site: Pick<SiteModel, 'analyses' | 'commentaries' | 'expert' | 'analysis'> = {
  analyses: [analysis],
  commentaries,
  expert: (id) => experts[id]!,
  analysis: () => analysis,
};

describe('citationFiles', () => {
  const files = citationFiles(site, fixtureLinks);

  test('a BibTeX and a RIS file for the analysis and each commentary, where its page links, without the base', () => {
    const formats = ['bib', 'ris'] as const;
    expect(files.map((file) => `/base/${file.path}`)).toEqual([
      ...formats.map((format) => fixtureLinks.urls.analysisCitation('g20-summit', format)),
      ...commentaries.flatMap((c) =>
        formats.map((format) => fixtureLinks.urls.commentaryCitation(c.id, format)),
      ),
    ]);
    expect(files[0]!.path).toBe('analyses/g20-summit/citation.bib');
  });

  test('each file cites its own work: its author, its page and its format', () => {
    const body = (path: string) => files.find((file) => file.path === path)!.body;
    const ben = body('commentaries/g20-summit/ben-okafor/citation.bib');
    expect(ben).toMatch(/^@/);
    expect(ben).toContain('Okafor, Ben');
    expect(ben).not.toContain('López');
    expect(ben).toContain('https://example.org/base/commentaries/g20-summit/ben-okafor/');
    const whole = body('analyses/g20-summit/citation.ris');
    expect(whole).toMatch(/^TY {2}- /);
    expect(whole).toContain('AU  - López, Ana');
    expect(whole).toContain('AU  - Okafor, Ben');
  });
});

describe('filesIn', () => {
  const out = '/site/out';
  test('reads the list the route renders', () => {
    const list = [{ path: 'a/b/citation.bib', body: '@misc{x}' }];
    expect(filesIn(JSON.stringify(list), out)).toEqual(list);
  });

  test.each([
    ['not a list', '{"path":"a"}', /expected a list/],
    ['an entry without a body', '[{"path":"a.bib"}]', /entry 1: expected a path and a body/],
    [
      'a path out of the site',
      '[{"path":"ok.bib","body":""},{"path":"../../etc/passwd","body":"x"}]',
      /entry 2: "..\/..\/etc\/passwd" is not a file inside the site/,
    ],
    ['an absolute path', '[{"path":"/etc/passwd","body":"x"}]', /is not a file inside the site/],
    ['the site folder itself', '[{"path":".","body":"x"}]', /is not a file inside the site/],
    ['an empty path', '[{"path":"","body":"x"}]', /is not a file inside the site/],
  ])('refuses %s, naming the entry', (_, text, message) => {
    expect(() => filesIn(text, out)).toThrow(message);
  });
});

describe('the output folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'site-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes files (path → text) below the folder, dated `seconds` since the epoch. */
  const write = (files: Record<string, string>, seconds = 1_700_000_000) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
      utimesSync(join(dir, path), seconds, seconds);
    }
  };

  test('writeFiles writes every file with its text, creating its folders, more than one batch of them', async () => {
    const files = Array.from({ length: 70 }, (_, i) => ({ path: `c/${i % 7}/f${i}.ris`, body: `body ${i}` }));
    expect((await writeFiles(dir, files)).written).toBe(70);
    expect(readdirSync(join(dir, 'c')).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    for (const file of files) expect(readFileSync(join(dir, file.path), 'utf8')).toBe(file.body);
  });

  test('writeFiles leaves a file that already holds its text as it is', async () => {
    write({ 'a/citation.bib': 'same', 'b/citation.bib': 'before' });
    const { written } = await writeFiles(dir, [
      { path: 'a/citation.bib', body: 'same' },
      { path: 'b/citation.bib', body: 'after' },
    ]);
    expect(written).toBe(1);
    expect(statSync(join(dir, 'a/citation.bib')).mtimeMs).toBe(1_700_000_000_000);
    expect(readFileSync(join(dir, 'b/citation.bib'), 'utf8')).toBe('after');
  });

  test('writeFiles trusts a file whose size and time are those it recorded for the same text, and reads any other', async () => {
    const files = [
      { path: 'a/citation.bib', body: 'one' },
      { path: 'b/citation.bib', body: 'two' },
      { path: 'c/citation.bib', body: 'three' },
    ];
    expect((await writeFiles(dir, files)).written).toBe(3);
    // Times a file system keeps exactly, so that the test can set one back.
    for (const { path } of files) utimesSync(join(dir, path), 1_650_000_000, 1_650_000_000);
    const first = await writeFiles(dir, files);
    expect(first.written).toBe(0);
    expect(first.seen.get('a/citation.bib')).toEqual({
      size: 3,
      modified: 1_650_000_000_000,
      digest: expect.any(String),
    });
    // Kept and read back as the next build would.
    const record = join(dir, 'record/seen.json');
    writeSeen(record, first.seen);
    const seen = readSeen(record);
    expect(seen).toEqual(first.seen);
    // Changed behind the record's back, keeping its size and time: trusted, so not read.
    writeFileSync(join(dir, 'a/citation.bib'), 'ONE');
    utimesSync(join(dir, 'a/citation.bib'), 1_650_000_000, 1_650_000_000);
    // Changed with a new time: read, and written again. Replaced by a link: written again.
    write({ 'b/citation.bib': 'owt' }, 1_600_000_000);
    rmSync(join(dir, 'c/citation.bib'));
    symlinkSync(join(dir, 'b/citation.bib'), join(dir, 'c/citation.bib'));
    const second = await writeFiles(dir, files, seen);
    expect(second.written).toBe(2);
    expect(readFileSync(join(dir, 'a/citation.bib'), 'utf8')).toBe('ONE');
    expect(readFileSync(join(dir, 'b/citation.bib'), 'utf8')).toBe('two');
    expect(readFileSync(join(dir, 'c/citation.bib'), 'utf8')).toBe('three');
    // A text that changed is written whatever the record says.
    expect((await writeFiles(dir, [{ path: 'a/citation.bib', body: 'uno' }], seen)).written).toBe(1);
    expect(readSeen(join(dir, 'no/record.json'))).toEqual(new Map());
  });

  test('what an earlier build left: neither produced by this one nor written since it started', async () => {
    write({ 'kept/index.html': 'a page not rendered again', 'gone/index.html': 'a page no longer built' });
    write({ '_astro/new.js': 'written by this build' }, 1_800_000_000);
    write({ '.git/HEAD': 'not the site', 'pagefind/being-written.pf': 'another step’s' });
    const files: { path: string; modified: number }[] = await listFiles(dir, { skip: ['.git', 'pagefind/'] });
    expect(files.map((f) => f.path).sort()).toEqual(['_astro/new.js', 'gone/index.html', 'kept/index.html']);
    const produced = routeOutputs(
      new Map([['/[...id]', [pathToFileURL(join(dir, 'kept/index.html'))]]]),
      dir,
    );
    expect(produced).toEqual(new Set(['kept/index.html']));
    expect(leftOver(files, produced, 1_750_000_000_000)).toEqual(['gone/index.html']);
    // As the build finds them: every path, then the times of those not produced only.
    const paths = await listPaths(dir, { skip: ['.git', 'pagefind/'] });
    expect(paths.sort()).toEqual(['_astro/new.js', 'gone/index.html', 'kept/index.html']);
    const others = await filesAt(dir, [
      ...paths.filter((path) => !produced.has(path)),
      'removed/meanwhile.html',
    ]);
    expect(others.map((f) => [f.path, f.modified]).sort()).toEqual([
      ['_astro/new.js', 1_800_000_000_000],
      ['gone/index.html', 1_700_000_000_000],
    ]);
    expect(leftOver(others, produced, 1_750_000_000_000)).toEqual(['gone/index.html']);
  });

  test('removeFiles removes the files and the folders they leave empty, never the site folder', async () => {
    write({ 'a/b/c/index.html': 'gone', 'a/other.html': 'stays', 'z/index.html': 'gone' });
    await removeFiles(dir, ['a/b/c/index.html', 'z/index.html']);
    expect(existsSync(join(dir, 'a/b'))).toBe(false);
    expect(existsSync(join(dir, 'z'))).toBe(false);
    expect(readFileSync(join(dir, 'a/other.html'), 'utf8')).toBe('stays');
    await removeFiles(dir, ['a/other.html']);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });
});
