import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { codeFingerprint } from './fingerprint.ts';
import { bodyProblems, parseBlocks, parseBody, useParseSource, type BodyParse } from './markdown.ts';
import { bodyDigest, PARSE_CACHE_FILE, ParseCache } from './parse-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'parse-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => useParseSource(undefined));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
write('src/content/markdown.ts', 'the rules');
write('package-lock.json', '{"lockfileVersion": 3}');

/** A parse no parser would make of its body: seeing it proves the body was not parsed again. */
const marked = (word: string): BodyParse => ({
  problems: [{ line: 7, message: `kept in the cache: ${word}` }],
});

/** Writes the cache file by hand, as an earlier process would have, with the current fingerprint. */
const keep = (entries: Record<string, BodyParse>, fingerprint = codeFingerprint(root)) => {
  const parses = Object.fromEntries(Object.entries(entries).map(([body, p]) => [bodyDigest(body), p]));
  write(PARSE_CACHE_FILE, JSON.stringify({ fingerprint, parses }));
};

describe('ParseCache', () => {
  test('answers an unchanged body from the file, without parsing it again', () => {
    keep({ 'Unchanged words.\n': marked('unchanged') });
    const cache = ParseCache.read(root);
    useParseSource(cache);
    expect(bodyProblems('Unchanged words.\n')).toEqual(marked('unchanged').problems);
    expect(cache.hits).toBe(1);
  });

  test('parses a body whose text changed since the cache was written', () => {
    keep({ 'Words before the edit.\n': marked('before') });
    useParseSource(ParseCache.read(root));
    expect(bodyProblems('Words after the edit, <b>bold</b>.\n')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('raw HTML "<b>"') }),
    ]);
  });

  test.each([
    ['a rule (a file of src/content)', 'src/content/markdown.ts', 'the rules, changed'],
    ['a dependency (package-lock.json)', 'package-lock.json', '{"lockfileVersion": 3, "changed": true}'],
  ])('throws every parse away when %s changes', (_, path, text) => {
    const body = `Kept before ${path} changed.\n`;
    keep({ [body]: marked(path) });
    expect(ParseCache.read(root).get(body)).toEqual(marked(path));
    const before = readFileSync(join(root, path), 'utf8');
    write(path, text);
    try {
      const cache = ParseCache.read(root);
      expect(cache.get(body)).toBeUndefined();
      useParseSource(cache);
      expect(bodyProblems(body)).toEqual([]);
    } finally {
      write(path, before);
    }
  });

  test('ignores a damaged file', () => {
    write(PARSE_CACHE_FILE, '{"fingerprint": ');
    expect(ParseCache.read(root).get('Anything.\n')).toBeUndefined();
  });

  test('writes the parses of the bodies given, and only those, for the next process', () => {
    const first = 'A first body, with a [link](https://example.org/).\n';
    const second = 'A second body.\n\nIn two passages.\n';
    ParseCache.read(root).write([first]);
    ParseCache.read(root).write([second]);
    const cache = ParseCache.read(root);
    expect(cache.get(first)).toBeUndefined();
    expect(cache.get(second)).toEqual(JSON.parse(JSON.stringify(parseBody(second))));
    expect(cache.get(second)?.blocks).toHaveLength(2);
  });

  test('the blocks kept are what parsing gives', () => {
    const body = 'Kept *blocks*.\n\n> A quotation.\n';
    const parse: BodyParse = { problems: [], blocks: [...parseBlocks(body)] };
    ParseCache.read(root).write([body]);
    expect(ParseCache.read(root).get(body)).toEqual(parse);
  });
});
