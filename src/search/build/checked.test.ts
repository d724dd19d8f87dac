import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContentInput } from '../../content/validate.ts';
import { checkContentFolder } from '../../content/files.ts';
import { writeFixtureImages } from '../../../e2e/fixture-images.mjs';
import { CheckedRecords, bodyDigest, checkedRecords, recordsDigest } from './checked.ts';
import { recordsText } from './records.ts';
import { HANDOFF, INDEX_AFTER_ASTRO_FROM } from './pagefind.mjs';
import { record } from './index.fixture.ts';

/** A copy of the browser suites' content with its images drawn (they are not in the repository). */
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'checked-records-'));
  cpSync('e2e/fixtures/content', folder, { recursive: true });
  writeFixtureImages(folder);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The browser suites' content, as the build's check reads it. */
const checked = async () => {
  const { content, problems } = await checkContentFolder(process.cwd(), folder);
  expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  return content;
};

/** Each collection in the reverse of the order the check listed it. */
const reversed = (content: ContentInput): ContentInput => ({
  analyses: [...content.analyses].reverse(),
  experts: [...content.experts].reverse(),
  themes: [...content.themes].reverse(),
  commentaries: [...content.commentaries].reverse(),
});

describe('checkedRecords', () => {
  test('derives one record per commentary, analysis introduction and theme, in the same order however the check listed the files', async () => {
    const content = await checked();
    const documents = checkedRecords(content, {});
    expect(documents).toBeDefined();
    const urls = documents!.map((d) => d.url);
    for (const commentary of content.commentaries) expect(urls).toContain(`/commentaries/${commentary.id}/`);
    for (const theme of content.themes) expect(urls).toContain(`/themes/${theme.id}/`);
    expect(new Set(urls).size).toBe(urls.length);
    expect(checkedRecords(reversed(content), {})).toEqual(documents);
  });

  test(`leaves a large archive's records to scripts/build.mjs (${INDEX_AFTER_ASTRO_FROM})`, async () => {
    const content = await checked();
    const most = content.analyses.length + content.commentaries.length + content.themes.length;
    expect(
      checkedRecords(content, { [HANDOFF]: '1', [INDEX_AFTER_ASTRO_FROM]: String(most) }),
    ).toBeUndefined();
    expect(
      checkedRecords(content, { [HANDOFF]: '1', [INDEX_AFTER_ASTRO_FROM]: String(most + 1) }),
    ).toBeDefined();
  });

  test('gives none, instead of throwing, when they cannot be derived: the route derives them and reports why', async () => {
    const content = await checked();
    const env = { [HANDOFF]: '1', [INDEX_AFTER_ASTRO_FROM]: 'many' };
    expect(() => checkedRecords(content, env)).not.toThrow();
    expect(checkedRecords(content, env)).toBeUndefined();
  });
});

describe('recordsDigest', () => {
  const a = record('/a/', '<p id="p-1">Oil.</p>');
  const b = record('/b/', '<p id="p-2">Rain.</p>');

  test('is the same for the same records, and differs with an address, a content, the order or the number', () => {
    const digest = recordsDigest([a, b]);
    expect(recordsDigest([record('/a/', '<p id="p-1">Oil.</p>'), b])).toBe(digest);
    for (const other of [
      [b, a],
      [a],
      [a, b, b],
      [{ ...a, content: a.content.replace('Oil', 'Gas') }, b],
      [{ ...a, url: '/c/' }, b],
      // Where one field ends and the next begins is part of the digest.
      [{ url: '/a/<', content: a.content.slice(1) }, b],
    ])
      expect(recordsDigest(other)).not.toBe(digest);
  });

  test('is the digest of the records route’s body, as text or as the bytes Astro writes', () => {
    const body = recordsText([a, b]);
    expect(bodyDigest(body)).toBe(recordsDigest([a, b]));
    expect(bodyDigest(new TextEncoder().encode(body))).toBe(recordsDigest([a, b]));
    expect(bodyDigest(recordsText([a]))).not.toBe(recordsDigest([a, b]));
  });
});

describe('CheckedRecords', () => {
  test('gives the records of the last check taken once, and none after', async () => {
    const content = await checked();
    const carrier = new CheckedRecords({});
    expect(carrier.claim()).toBeUndefined();
    carrier.take(content);
    expect(carrier.claim()).toEqual(checkedRecords(content, {}));
    expect(carrier.claim()).toBeUndefined();
  });
});
