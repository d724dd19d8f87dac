import { describe, expect, test } from 'vitest';
import { checkSources, sortProblems, type SourceFile } from './check';
import type { CollectionName } from './schemas';
import type { Problem } from './validate';

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
