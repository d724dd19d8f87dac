import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { BASE, DIST } from './env';
import { builtHtmlFiles, openData } from './site';

/**
 * The source capture, split by the editorial brief's rules: page chrome dropped, the
 * "Levine:" style attributions removed. This is the reference the published text must equal.
 */
function sourceCommentaries() {
  const paragraphs = readFileSync(
    new URL('./fixtures/blinken-china-trip.source.txt', import.meta.url),
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

test.describe('the open data export', () => {
  test('reproduces every paragraph of every commentary exactly, in order, with its question', () => {
    const data = openData();
    const source = sourceCommentaries();
    expect([...source.keys()]).toEqual(['Levine', 'Freeman', 'Scobell']);
    expect(source.get('Levine')!.paragraphs).toHaveLength(6);
    expect(source.get('Freeman')!.paragraphs).toHaveLength(6);
    expect(source.get('Scobell')!.paragraphs).toHaveLength(3);
    for (const [name, expected] of source) {
      const commentary = data.commentaries.find((c) => c.expert === EXPERT_IDS[name]);
      expect(commentary, name).toBeDefined();
      expect(commentary!.question).toBe(expected.question);
      expect(commentary!.passages.map((p) => p.text)).toEqual(expected.paragraphs);
    }
  });

  test('lists analyses, experts and themes with site URLs under the base path', () => {
    const data = openData();
    expect(data.analyses.map((a) => a.url)).toEqual(['/some/sub/path/analyses/blinken-china-trip/']);
    expect(data.experts.map((e) => e.name).sort()).toEqual([
      'Andrew Scobell',
      'Carla Freeman',
      'Rosie Levine',
    ]);
    expect(data.themes).toHaveLength(12);
    for (const c of data.commentaries) {
      expect(c.url).toBe(`/some/sub/path/commentaries/${c.id}/`);
      for (const p of c.passages) expect(p.url).toBe(`${c.url}#${p.id}`);
    }
  });
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

test('every passage carries exactly the themes a careful reader finds in it', () => {
  const passages = openData().commentaries.flatMap((c) =>
    c.passages.map((p) => ({ ...p, expert: c.expert })),
  );
  expect(passages).toHaveLength(READING.length);
  for (const [expert, opening, themes] of READING) {
    const passage = passages.find((p) => p.expert === expert && p.text.startsWith(opening));
    expect(passage, `${expert}: ${opening}`).toBeDefined();
    expect([...passage!.themes].sort(), `${expert}: ${opening}`).toEqual([...themes].sort());
  }
});

test('theme pages and the home matrix show exactly the tagged passages', async ({ page }) => {
  const data = openData();
  const expected = new Map<string, Map<string, string[]>>();
  for (const c of data.commentaries) {
    for (const p of c.passages) {
      for (const theme of p.themes) {
        const byExpert = expected.get(theme) ?? new Map<string, string[]>();
        byExpert.set(c.expert, [...(byExpert.get(c.expert) ?? []), p.url]);
        expected.set(theme, byExpert);
      }
    }
  }

  await page.goto('./');
  for (const theme of data.themes) {
    for (const expert of data.experts) {
      const count = expected.get(theme.id)?.get(expert.id)?.length ?? 0;
      await expect(page.locator(`td[data-theme="${theme.id}"][data-expert="${expert.id}"]`)).toHaveAttribute(
        'data-count',
        String(count),
      );
    }
  }

  for (const theme of data.themes) {
    await page.goto(theme.url.replace('/some/sub/path/', './'));
    for (const expert of data.experts) {
      const urls = expected.get(theme.id)?.get(expert.id) ?? [];
      const column = page.locator(`#expert-${expert.id}`);
      if (urls.length === 0) {
        await expect(column).toHaveCount(0);
        continue;
      }
      const links = await column
        .getByRole('link', { name: 'Read in context' })
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links, `${theme.id} × ${expert.id}`).toEqual(urls);
    }
  }
});

test('reading pages ship one tiny script and no search code', () => {
  const scripts = new Set<string>();
  for (const { url, file } of builtHtmlFiles()) {
    if (url === `${BASE}search/`) continue;
    const html = readFileSync(file, 'utf8');
    const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    const code = tags.filter((tag) => !/type="application\/(?:ld\+)?json"/.test(tag));
    expect(code, url).toHaveLength(1);
    const src = /\ssrc="([^"]+)"/.exec(code[0]!)?.[1];
    expect(src, `${url}: the script is a file of the site, not inline`).toBeDefined();
    expect(html, url).not.toMatch(/pagefind/i);
    scripts.add(src!);
  }
  // The same file everywhere: `/` to search and the highlight on landing (src/scripts/reading.ts).
  expect(scripts.size).toBe(1);
  const [src] = [...scripts];
  const body = readFileSync(join(DIST, src!.slice(BASE.length)));
  expect(gzipSync(body).length, 'gzipped size of the reading-page script').toBeLessThan(2048);
  const text = body.toString('utf8');
  expect(text, 'it loads nothing else').not.toMatch(/\bimport\b/);
  expect(text).not.toMatch(/pagefind/i);
});

test('no page carries inline scripts or styles, which the Content-Security-Policy would block', () => {
  for (const { url, file } of builtHtmlFiles()) {
    const html = readFileSync(file, 'utf8');
    expect(html, url).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; base-uri 'self'; form-action 'self'">`,
    );
    expect(
      html.match(/<script\b(?![^>]*\ssrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>/g),
      url,
    ).toBeNull();
    expect(html.match(/<style\b/g), url).toBeNull();
    expect(html.match(/\sstyle="/g), url).toBeNull();
    expect(html.match(/\son[a-z]+="/g), url).toBeNull();
  }
});

test('every page is valid HTML', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Astro writes void elements without the slash.
      'void-style': 'off',
      // Typographic quotes are the experts' own; the rule wants HTML entities instead.
      'no-raw-characters': 'off',
      'long-title': 'off',
    },
  });
  const failures: string[] = [];
  for (const { url, file } of builtHtmlFiles()) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages)
        failures.push(`${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(failures).toEqual([]);
});
