import { describe, expect, test } from 'vitest';
import { checkSources, sortProblems, type SourceFile } from './check.ts';
import type { CollectionName } from './schemas.ts';
import type { Problem } from './validate.ts';

/** A valid little corpus, as files, keyed by path under the content folder. */
const VALID: Record<string, string> = {
  'analyses/piece.md':
    '---\ntitle: A piece\ndek: D\npublished: 2024-04\nsource:\n  name: N\n  url: https://example.org/\n---\nIntroduction.\n',
  'experts/ada.md':
    '---\nname: Ada Example\ngivenName: Ada\nfamilyName: Example\naffiliation: Institute\n---\n',
  'themes/water.md': '---\ntitle: Water\ndescription: D\nterms:\n  - water\n---\n',
  'commentaries/piece/ada.md':
    '---\nanalysis: piece\nexpert: ada\nquestion: Q?\norder: 1\nthemes:\n  - water\n---\nWater rises.\n',
};

/** The corpus as SourceFiles, with some files replaced (a null removes one). */
function files(changes: Record<string, string | null> = {}): SourceFile[] {
  return Object.entries({ ...VALID, ...changes }).flatMap(([path, source]) => {
    if (source === null) return [];
    const [collection, ...rest] = path.split('/');
    return [
      { collection: collection as CollectionName, path: rest.join('/'), file: `content/${path}`, source },
    ];
  });
}

const lines = (problems: Problem[]) => problems.map((p) => `${p.level} ${p.file} › ${p.field}: ${p.message}`);

describe('checkSources', () => {
  test('passes a valid corpus and returns its entries', () => {
    const { problems, content } = checkSources(files(), { contentDir: 'content' });
    expect(problems).toEqual([]);
    expect(content.commentaries).toMatchObject([
      { id: 'piece/ada', analysis: 'piece', expert: 'ada', themes: ['water'], body: 'Water rises.' },
    ]);
    expect(content.analyses[0]?.published.iso).toBe('2024-04');
  });

  test('reports two files with one id on the later one, naming the first', () => {
    const { problems } = checkSources(files({ 'experts/Ada.md': VALID['experts/ada.md']! }), {
      contentDir: 'content',
    });
    expect(lines(problems)).toEqual([
      expect.stringMatching(
        /^error content\/experts\/ada.md › id: has the same id "ada" as content\/experts\/Ada.md/,
      ),
    ]);
  });

  test('reports a slug that takes another file’s id', () => {
    const clash = VALID['experts/ada.md']!.replace('---\n', '---\nslug: ada\n');
    const { problems } = checkSources(files({ 'experts/other.md': clash }), { contentDir: 'content' });
    expect(lines(problems)).toContainEqual(
      expect.stringMatching(
        /^error content\/experts\/other.md › slug: has the same id "ada" as content\/experts\/ada.md/,
      ),
    );
  });

  test.each<[string, Partial<Record<CollectionName, true>>, RegExp]>([
    ['missing', { themes: true }, /^error content\/themes\/ › folder: the folder is missing/],
    ['empty', {}, /^error content\/themes\/ › folder: the folder has no .md file: add a theme/],
  ])('reports a collection folder that is %s', (_, missing, expected) => {
    const { problems } = checkSources(files({ 'themes/water.md': null }), {
      contentDir: 'content',
      missing: Object.keys(missing) as CollectionName[],
    });
    expect(lines(problems)[0]).toMatch(expected);
  });

  test('reports every field of a file at once', () => {
    const { problems } = checkSources(files({ 'experts/ada.md': '---\nname: ""\ngivenName: 3\n---\n' }), {
      contentDir: 'content',
    });
    expect(problems.map((p) => p.field)).toEqual(['name', 'givenName', 'familyName', 'affiliation']);
  });

  test('does not blame a commentary for naming an expert whose own file has mistakes', () => {
    const { problems } = checkSources(files({ 'experts/ada.md': '---\nname: Ada\n---\n' }), {
      contentDir: 'content',
    });
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['content/experts/ada.md']));
  });

  test.each([
    ['content/themes/soil.markdown', 'content/themes/soil.md'],
    ['content/experts/ada.MD', 'content/experts/ada.md'],
  ])('refuses %s, which looks like markdown but would not be published', (file, renamed) => {
    const { problems } = checkSources(files(), { contentDir: 'content', ignored: [file] });
    expect(lines(problems)).toEqual([
      `error ${file} › file: is not read: only files ending in lower-case .md are part of the site; rename it to ${renamed}`,
    ]);
  });

  test('reports a file that could not be read against it, without blaming what refers to it', () => {
    const unreadable = files().map((f) =>
      f.path === 'ada.md' && f.collection === 'experts'
        ? { ...f, source: '', unreadable: { field: 'encoding', message: 'line 2: byte 0xE9 is not UTF-8' } }
        : f,
    );
    const { problems } = checkSources(unreadable, { contentDir: 'content' });
    expect(lines(problems)).toEqual([
      'error content/experts/ada.md › encoding: line 2: byte 0xE9 is not UTF-8',
    ]);
  });

  test('reports a path refused unread', () => {
    const { problems } = checkSources(files(), {
      contentDir: 'content',
      refused: [{ file: 'content/themes/etc', field: 'file', message: 'is a symbolic link (to /etc): …' }],
    });
    expect(lines(problems)).toEqual(['error content/themes/etc › file: is a symbolic link (to /etc): …']);
  });

  test.each([
    [
      'a javascript: link',
      'Water rises [here](javascript:alert(1)).',
      /^line 12: the link address "javascript:alert\(1\)" is not allowed/,
    ],
    ['raw HTML', 'Water <b>rises</b>.', /^line 12: raw HTML "<b>" is not allowed/],
    [
      'quotations nested 2,000 deep',
      `${'> '.repeat(2000)}Water rises.`,
      /^line 12: quotations, lists or emphasis are nested more than \d+ levels deep/,
    ],
  ])('reports %s in a commentary at its line in the file', (_, body, message) => {
    const commentary = VALID['commentaries/piece/ada.md']!.replace(
      'Water rises.\n',
      `Water first.\n\n\n${body}\n`,
    );
    const { problems } = checkSources(files({ 'commentaries/piece/ada.md': commentary }), {
      contentDir: 'content',
    });
    expect(problems).toEqual([
      {
        level: 'error',
        file: 'content/commentaries/piece/ada.md',
        field: 'body',
        message: expect.stringMatching(message),
      },
    ]);
  });

  test('reports a javascript: link in an analysis’s introduction', () => {
    const analysis = VALID['analyses/piece.md']!.replace(
      'Introduction.',
      'See ![x](data:image/png;base64,AAAA).',
    );
    const { problems } = checkSources(files({ 'analyses/piece.md': analysis }), { contentDir: 'content' });
    expect(lines(problems)).toEqual([
      expect.stringMatching(
        /^error content\/analyses\/piece.md › body: line 9: the image address "data:image/,
      ),
    ]);
  });

  test('refuses a source address that is not a web address', () => {
    const analysis = VALID['analyses/piece.md']!.replace('https://example.org/', 'javascript:alert(1)');
    const { problems } = checkSources(files({ 'analyses/piece.md': analysis }), { contentDir: 'content' });
    expect(lines(problems)).toEqual([
      expect.stringMatching(/^error content\/analyses\/piece.md › source.url: must start with https:\/\//),
    ]);
  });

  test('warns about files that are not read', () => {
    const { problems } = checkSources(files(), {
      contentDir: 'content',
      ignored: ['content/themes/notes.txt'],
    });
    expect(lines(problems)).toEqual([
      expect.stringMatching(
        /^warning content\/themes\/notes.txt › file: is not read: only files ending in .md/,
      ),
    ]);
  });
});

describe('sortProblems', () => {
  test('puts errors first, a folder’s first among them, then orders by file, keeping each file’s own order', () => {
    const p = (level: Problem['level'], file: string, field: string): Problem => ({
      level,
      file,
      field,
      message: '',
    });
    const sorted = sortProblems([
      p('warning', 'a', '1'),
      p('error', 'b', '1'),
      p('error', 'a', '2'),
      p('error', 'a', '1'),
    ]);
    expect(sorted.map((x) => `${x.level} ${x.file} ${x.field}`)).toEqual([
      'error a 2',
      'error a 1',
      'error b 1',
      'warning a 1',
    ]);
  });
});
