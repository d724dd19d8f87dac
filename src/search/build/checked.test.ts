import { describe, expect, test } from 'vitest';
import type { ContentInput } from '../../content/validate';
import { checkContentFolder } from '../../content/files';
import { buildModel } from '../../model/model';
import { CheckedRecords, checkedRecords, sameRecords } from './checked';
import { HANDOFF, INDEX_AFTER_ASTRO_FROM } from './pagefind.mjs';
import { searchDocuments } from './records';
import { record } from './index.fixture';

/** The browser suites' content, as the build's check reads it. */
const checked = async () => {
  const { content, problems } = await checkContentFolder(process.cwd(), 'e2e/fixtures/content');
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

  test('are the records of the model the build makes of the same entries, sorted by id', async () => {
    const content = await checked();
    const byId = <T extends { id: string }>(entries: T[]) =>
      [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const model = buildModel({
      analyses: byId(content.analyses),
      experts: byId(content.experts),
      themes: byId(content.themes),
      commentaries: byId(content.commentaries),
    });
    expect(checkedRecords(reversed(content), {})).toEqual(searchDocuments(model));
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

describe('sameRecords', () => {
  const a = record('/a/', '<p id="p-1">Oil.</p>');
  const b = record('/b/', '<p id="p-2">Rain.</p>');

  test('compares records one by one: address, content, order and number', () => {
    expect(sameRecords([a, b], [record('/a/', '<p id="p-1">Oil.</p>'), b])).toBe(true);
    expect(sameRecords([a, b], [b, a])).toBe(false);
    expect(sameRecords([a, b], [a])).toBe(false);
    expect(sameRecords([a], [{ ...a, content: a.content.replace('Oil', 'Gas') }])).toBe(false);
    expect(sameRecords([a], [{ ...a, url: '/c/' }])).toBe(false);
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
