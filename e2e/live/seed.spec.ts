/**
 * The seed analysis, published from its source: every paragraph reproduced exactly and every passage
 * tagged as a careful reader would. The only tests that name real experts and passages, each scoped
 * to the seed analysis by its id, so that whatever else is published does not change them.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openData } from '../site.ts';

/** The id of the seed analysis: its file is content/analyses/blinken-china-trip.md. */
const SEED = 'blinken-china-trip';

/** The seed analysis's commentaries in the open data, found by its id, never by position. */
function seedCommentaries() {
  const commentaries = openData().commentaries.filter((c) => c.analysis === SEED);
  expect(commentaries.length, `the analysis ${SEED} is published`).toBeGreaterThan(0);
  return commentaries;
}

/**
 * The source capture, split by the editorial brief's rules: page chrome dropped, the
 * "Levine:" style attributions removed. This is the reference the published text must equal.
 */
function sourceCommentaries() {
  const paragraphs = readFileSync(
    new URL('../fixtures/blinken-china-trip.source.txt', import.meta.url),
    'utf8',
  )
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const byExpert = new Map<string, { question: string; paragraphs: string[] }>();
  let current: { question: string; paragraphs: string[] } | undefined;
  let question = '';
  for (const paragraph of paragraphs) {
    if (paragraph.startsWith('PHOTO:')) break;
    if (/^What .*\?$/.test(paragraph)) {
      question = paragraph;
      continue;
    }
    const attribution = /^(Levine|Freeman|Scobell): /.exec(paragraph);
    if (attribution) {
      current = { question, paragraphs: [] };
      byExpert.set(attribution[1]!, current);
      current.paragraphs.push(paragraph.slice(attribution[0].length));
    } else if (current) {
      current.paragraphs.push(paragraph);
    }
  }
  return byExpert;
}

const EXPERT_IDS: Record<string, string> = {
  Levine: 'rosie-levine',
  Freeman: 'carla-freeman',
  Scobell: 'andrew-scobell',
};

test('the seed analysis reproduces every paragraph of every commentary exactly, in order, with its question', () => {
  const commentaries = seedCommentaries();
  const source = sourceCommentaries();
  expect([...source.keys()]).toEqual(['Levine', 'Freeman', 'Scobell']);
  expect(source.get('Levine')!.paragraphs).toHaveLength(6);
  expect(source.get('Freeman')!.paragraphs).toHaveLength(6);
  expect(source.get('Scobell')!.paragraphs).toHaveLength(3);
  expect(commentaries).toHaveLength(source.size);
  for (const [name, expected] of source) {
    const commentary = commentaries.find((c) => c.expert === EXPERT_IDS[name]);
    expect(commentary, name).toBeDefined();
    expect(commentary!.question).toBe(expected.question);
    expect(commentary!.passages.map((p) => p.text)).toEqual(expected.paragraphs);
  }
});

/**
 * Which themes each passage speaks to, decided by reading the passages (not by running the
 * tagger): the first words of the passage, then its themes.
 */
const READING: [string, string, string[]][] = [
  [
    'rosie-levine',
    'The U.S.-China bilateral relationship',
    ['strategic-competition', 'high-level-diplomacy', 'taiwan'],
  ],
  [
    'rosie-levine',
    'President Biden and Chinese leader',
    ['high-level-diplomacy', 'technology-economy', 'military-channels'],
  ],
  [
    'rosie-levine',
    'Despite the higher frequency',
    ['ai-governance', 'counternarcotics', 'taiwan', 'south-china-sea', 'russia-ukraine'],
  ],
  ['rosie-levine', 'The areas where the meeting', ['counternarcotics', 'ai-governance', 'people-to-people']],
  ['rosie-levine', 'Xi greeted Blinken', ['high-level-diplomacy']],
  ['rosie-levine', 'It is clear that Blinken', ['russia-ukraine', 'alliances', 'technology-economy']],
  ['carla-freeman', 'Blinken’s visit marks', ['strategic-competition']],
  ['carla-freeman', 'First, Blinken’s visit', ['strategic-competition', 'high-level-diplomacy']],
  [
    'carla-freeman',
    'Second, the visit',
    ['military-channels', 'high-level-diplomacy', 'taiwan', 'south-china-sea'],
  ],
  [
    'carla-freeman',
    'But these also include',
    ['high-level-diplomacy', 'people-to-people', 'counternarcotics', 'technology-economy'],
  ],
  ['carla-freeman', 'Third, while Blinken', ['russia-ukraine', 'global-conflicts']],
  ['carla-freeman', 'That Blinken offered', ['strategic-competition', 'high-level-diplomacy']],
  [
    'andrew-scobell',
    'Blinken’s recent three-day visit',
    ['high-level-diplomacy', 'military-channels', 'ai-governance'],
  ],
  [
    'andrew-scobell',
    'But the limitations',
    [
      'high-level-diplomacy',
      'strategic-competition',
      'alliances',
      'taiwan',
      'south-china-sea',
      'russia-ukraine',
    ],
  ],
  ['andrew-scobell', 'While Blinken’s discussions', ['high-level-diplomacy', 'strategic-competition']],
];

test('every passage of the seed analysis carries exactly the themes a careful reader finds in it', () => {
  const passages = seedCommentaries().flatMap((c) => c.passages.map((p) => ({ ...p, expert: c.expert })));
  expect(passages).toHaveLength(READING.length);
  for (const [expert, opening, themes] of READING) {
    const passage = passages.find((p) => p.expert === expert && p.text.startsWith(opening));
    expect(passage, `${expert}: ${opening}`).toBeDefined();
    expect([...passage!.themes].sort(), `${expert}: ${opening}`).toEqual([...themes].sort());
  }
});

/** The words of a text, lower case, without punctuation. */
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu) ?? [];

/** The longest run of consecutive words a summary shares with a text. */
function longestSharedRun(summary: string, text: string): number {
  const said = ` ${words(text).join(' ')} `;
  const mine = words(summary);
  let longest = 0;
  for (let start = 0; start < mine.length; start++) {
    for (let end = start + longest + 1; end <= mine.length; end++) {
      if (!said.includes(` ${mine.slice(start, end).join(' ')} `)) break;
      longest = end - start;
    }
  }
  return longest;
}

test('the seed analysis has takeaways and a bottom line for every commentary, in the editors’ own words', () => {
  const data = openData();
  const seed = data.analyses.find((a) => a.id === SEED);
  expect(seed, `the analysis ${SEED} is published`).toBeDefined();
  const commentaries = data.commentaries.filter((c) => c.analysis === SEED);
  const experts = commentaries.flatMap((c) => c.passages.map((p) => p.text)).join('\n');
  expect(seed!.takeaways.length).toBeGreaterThan(0);
  // Paraphrase, not quotation: no summary repeats six words in a row of what the experts wrote.
  for (const takeaway of seed!.takeaways)
    expect(longestSharedRun(takeaway, experts), takeaway).toBeLessThan(6);
  for (const c of commentaries) {
    expect(c.bottomLine, c.id).toBeTruthy();
    const own = c.passages.map((p) => p.text).join('\n');
    expect(longestSharedRun(c.bottomLine!, own), c.bottomLine!).toBeLessThan(6);
  }
});
