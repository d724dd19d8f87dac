import { describe, expect, test } from 'vitest';
import { readFrontmatter, yamlAdvice, type ImpossibleDate } from './frontmatter.ts';

describe('readFrontmatter', () => {
  test('reads the fields and the body, typing values as Astro does', () => {
    const read = readFrontmatter(
      '---\ntitle: A\npublished: 2024-04-26\nyear: 2024\nmonth: 2024-04\n---\n\nBody text.\n',
    );
    expect(read).toEqual({
      ok: true,
      data: { title: 'A', published: new Date(Date.UTC(2024, 3, 26)), year: 2024, month: '2024-04' },
      body: 'Body text.',
      bodyLine: 8,
    });
  });

  test('reads an impossible date as an invalid Date that keeps its text, instead of rolling over', () => {
    const read = readFrontmatter('---\npublished: 2024-02-30\n---\n');
    const published = read.ok ? (read.data.published as ImpossibleDate) : undefined;
    expect(Number.isNaN(published?.getTime())).toBe(true);
    expect(published?.text).toBe('2024-02-30');
  });

  test('reads an empty frontmatter as no fields', () => {
    expect(readFrontmatter('---\n---\nBody')).toEqual({ ok: true, data: {}, body: 'Body', bodyLine: 3 });
  });

  test('reads a file that starts with a byte-order mark as one without', () => {
    expect(readFrontmatter('\uFEFF---\ntitle: A\n---\n\n\nBody')).toEqual({
      ok: true,
      data: { title: 'A' },
      body: 'Body',
      bodyLine: 6,
    });
  });

  test.each([
    ['title: A: B', 2, /check the indentation/],
    ['title: A\ntitle: B', 3, /a field appears twice/],
    ['title: "A', 3, /quotation mark is not closed/],
    ['terms: [a, b', 3, /starts with \[ or \{/],
  ])('locates the YAML mistake in %j on line %i of the file', (yaml, line, advice) => {
    const read = readFrontmatter(`---\n${yaml}\n---\nBody`);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(new RegExp(`^line ${line}: `));
    expect(read.message).toMatch(advice);
  });

  test('counts the blank lines above the frontmatter in the line number', () => {
    const read = readFrontmatter('\n\n---\ntitle: A: B\n---\n');
    expect(read.ok || read.message).toMatch(/^line 4: /);
  });

  test.each([
    ['no frontmatter', 'Just a body.', /has no frontmatter/],
    ['an unclosed frontmatter', '---\ntitle: A\n\nBody', /not closed/],
    ['TOML frontmatter', '+++\ntitle = "A"\n+++\n', /YAML between two --- lines/],
    ['a list instead of fields', '---\n- a\n- b\n---\n', /must be fields/],
  ])('refuses %s with advice', (_, source, message) => {
    const read = readFrontmatter(source);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });
});

describe('yamlAdvice', () => {
  test('keeps what YAML said when it has no plainer advice', () => {
    expect(yamlAdvice('something unusual')).toBe('YAML says: something unusual');
  });
});
