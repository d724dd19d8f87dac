import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../src/content/frontmatter.ts';
import { ADDED_EXPERT, ADDED_ID, addedAnalysis, newerDate, sentences } from './added-analysis.ts';

const input = {
  passages: [
    'The river rose early. Boats waited at the lock. Nobody spoke of grain.',
    'A ferry crossed at dawn. “The lock is shut,” she said. The boats turned back.',
  ],
  questions: ['What happened on the river?'],
  experts: ['ann-example', 'bo-example', 'cy-example'],
  themes: [
    { id: 'boats', terms: ['boat*', 'ferry'] },
    { id: 'locks', terms: ['lock'] },
    { id: 'unused', terms: ['zeppelin'] },
  ],
  published: ['2024-04', '2023-11-02', '2021'],
};

describe('the generated analysis', () => {
  it('splits passages into sentences, keeping quotations whole', () => {
    expect(sentences(input.passages[1]!)).toEqual([
      'A ferry crossed at dawn.',
      '“The lock is shut,” she said.',
      'The boats turned back.',
    ]);
  });

  it('is dated after every published analysis, to the day', () => {
    expect(newerDate(input.published)).toBe('2025-06-15');
  });

  it('has three commentaries by two returning experts and one new one, made of published sentences', () => {
    const files = addedAnalysis(input);
    expect([...files.keys()].sort()).toEqual(
      [
        `analyses/${ADDED_ID}.md`,
        `commentaries/${ADDED_ID}/ann-example.md`,
        `commentaries/${ADDED_ID}/bo-example.md`,
        `commentaries/${ADDED_ID}/${ADDED_EXPERT}.md`,
        `experts/${ADDED_EXPERT}.md`,
      ].sort(),
    );
    const published = new Set(input.passages.flatMap(sentences));
    for (const expert of ['ann-example', 'bo-example', ADDED_EXPERT]) {
      const read = readFrontmatter(files.get(`commentaries/${ADDED_ID}/${expert}.md`)!);
      if (!read.ok) throw new Error(read.message);
      const paragraphs = read.body.trim().split('\n\n');
      expect(paragraphs).toHaveLength(4);
      for (const p of paragraphs) for (const s of sentences(p)) expect(published).toContain(s);
      // Only the themes its text mentions, so the content check accepts it: never "unused".
      expect(read.data.themes).not.toContain('unused');
      expect((read.data.themes as string[]).length).toBeGreaterThan(0);
    }
  });
});
