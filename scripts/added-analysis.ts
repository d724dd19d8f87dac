// A generated analysis for the live suite (scripts/test.mjs): three commentaries made of sentences of
// the published ones, as the next piece would reuse their subjects, so that the tests prove that
// publishing one more analysis keeps every invariant of the live suite (e2e/live/) true.
import { themesIn, type ThemeTerms } from '../src/model/terms.ts';

/** The id, file names and invented expert of the generated analysis. */
export const ADDED_ID = 'generated-next-analysis';
export const ADDED_EXPERT = 'jordan-vale';

export interface AddedInput {
  /** The published passages' text, in any order. */
  passages: readonly string[];
  /** The published questions, reused for the generated commentaries. */
  questions: readonly string[];
  /** The experts' ids: the first two answer again, beside one invented expert. */
  experts: readonly string[];
  themes: readonly ThemeTerms[];
  /** The `published` value of every analysis: the generated one is newer than all. */
  published: readonly string[];
}

/** Splits a passage into sentences: after . ? ! (and a closing quote), before a capital or a quote. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!][”"’)]?)\s+(?=[A-Z“"])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A date a year after the newest of `published` (`2024`, `2024-04` or `2024-04-26`), to the day. */
export function newerDate(published: readonly string[]): string {
  const newest = Math.max(...published.map((p) => Number(p.slice(0, 4))));
  return `${newest + 1}-06-15`;
}

const yamlString = (s: string) => JSON.stringify(s);

/**
 * The files of the generated analysis, by path under the content folder. Each commentary has four
 * paragraphs of two sentences taken, in turn, from different published passages that mention a
 * theme, and declares exactly the themes its paragraphs mention, so the content check accepts it.
 */
export function addedAnalysis(input: AddedInput): Map<string, string> {
  const themed = input.passages
    .flatMap(sentences)
    .filter((s) => themesIn(s, input.themes).length > 0)
    .sort();
  if (themed.length === 0)
    throw new Error('No published sentence mentions a theme: nothing to generate from.');
  const files = new Map<string, string>();
  files.set(
    `experts/${ADDED_EXPERT}.md`,
    '---\nname: Jordan Vale\ngivenName: Jordan\nfamilyName: Vale\naffiliation: Generated Institute\n---\n',
  );
  files.set(
    `analyses/${ADDED_ID}.md`,
    [
      '---',
      'title: "What the Next Visit Will Test"',
      'dek: A generated analysis that reuses the published commentaries’ subjects, for the live test suite.',
      `published: ${newerDate(input.published)}`,
      'source:',
      '  name: Generated Review',
      `  url: https://example.org/generated/${ADDED_ID}`,
      '---',
      '',
      'Three commentaries generated from sentences of the published ones.',
      '',
    ].join('\n'),
  );
  const experts = [...input.experts.filter((e) => e !== ADDED_EXPERT).slice(0, 2), ADDED_EXPERT];
  let next = 0;
  experts.forEach((expert, i) => {
    const paragraphs = Array.from({ length: 4 }, () => {
      // Every seventh sentence, so that a paragraph joins sentences of different passages.
      const pair = [themed[next % themed.length]!, themed[(next + 7) % themed.length]!];
      next += 3;
      return pair.join(' ');
    });
    const declared = input.themes.filter((t) => paragraphs.some((p) => themesIn(p, [t]).length > 0));
    files.set(
      `commentaries/${ADDED_ID}/${expert}.md`,
      [
        '---',
        `analysis: ${ADDED_ID}`,
        `expert: ${expert}`,
        `question: ${yamlString(input.questions[i % input.questions.length] ?? 'What comes next?')}`,
        `order: ${i + 1}`,
        'themes:',
        ...declared.map((t) => `  - ${t.id}`),
        '---',
        '',
        paragraphs.join('\n\n'),
        '',
      ].join('\n'),
    );
  });
  return files;
}
