import { expect, test } from '@playwright/test';
import { THEME_COLUMN_PREVIEW } from '../src/model/settings.ts';
import { BASE } from './env.ts';
import { expert, fixtureIds, passage } from './fixture.ts';
import { openData } from './site.ts';

test.describe('the open data export', () => {
  test('lists every analysis, expert and theme of the content, newest analysis first', () => {
    const data = openData();
    expect(data.analyses.map((a) => a.id).sort()).toEqual(fixtureIds('analyses'));
    // The fixture's newest analysis has a full date (2025-03-14); the next is month-only (2024-11).
    expect(data.analyses.slice(0, 2).map((a) => a.id)).toEqual([
      'delta-water-accord',
      'northern-fisheries-pact',
    ]);
    expect(data.experts.map((e) => e.name).sort()).toEqual(
      fixtureIds('experts')
        .map((id) => expert(id).name)
        .sort(),
    );
    expect(data.themes.map((t) => t.id).sort()).toEqual(fixtureIds('themes'));
  });

  test('gives each passage its text exactly as written', () => {
    const data = openData();
    const p = passage('delta-water-accord', 'ben-halvorsen', 'Most of the work');
    const commentary = data.commentaries.find((c) => c.id === 'delta-water-accord/ben-halvorsen')!;
    expect(commentary.passages[p.number - 1]!.text).toBe(p.text);
    expect(commentary.passages[p.number - 1]!.url).toBe(`${BASE}${p.path}#${p.anchor}`);
  });
});

/**
 * Which themes a passage speaks to, decided by reading it (not by running the tagger): the cases
 * tagging must get right, each in a commentary that declares the themes concerned.
 */
const READING: [string, string, string, string[]][] = [
  // "AI" is a theme term; "aims" beside it in the same commentary is not.
  [
    'northern-fisheries-pact',
    'dora-mensah',
    'Enforcement will rest on an AI system',
    ['ai-oversight', 'fisheries'],
  ],
  ['northern-fisheries-pact', 'dora-mensah', 'The pact aims at shared stewardship', []],
  // A trailing `*` matches any ending: "negotiat*" finds "negotiations", "border*" finds "border".
  ['northern-fisheries-pact', 'chiara-lindqvist', 'The negotiations over harbour fees', ['border-talks']],
  // "water" is a whole word inside "low-water"; "AI" stays a whole word.
  [
    'delta-water-accord',
    'ben-halvorsen',
    'The harder part is the drought clause',
    ['water-sharing', 'ai-oversight'],
  ],
  // A passage is tagged only with themes its commentary declares, and speaks to two of them here.
  ['delta-water-accord', 'ben-halvorsen', 'Most of the work', ['river-trade', 'border-talks']],
  ['delta-water-accord', 'ben-halvorsen', 'The accord signed on Friday', []],
];

test('each passage carries exactly the themes a careful reader finds in it', () => {
  const data = openData();
  for (const [analysis, expertId, opening, themes] of READING) {
    const p = passage(analysis, expertId, opening);
    const commentary = data.commentaries.find((c) => c.id === `${analysis}/${expertId}`)!;
    const published = commentary.passages.find((x) => x.id === p.anchor);
    expect(published, opening).toBeDefined();
    expect([...published!.themes].sort(), opening).toEqual([...themes].sort());
  }
});

test('theme pages and the home matrix show exactly the tagged passages', async ({ page }) => {
  const data = openData();
  const expected = new Map<string, Map<string, string[]>>();
  const newestFirst = data.analyses.map((a) => a.id);
  const commentaries = [...data.commentaries].sort(
    (a, b) => newestFirst.indexOf(a.analysis) - newestFirst.indexOf(b.analysis),
  );
  for (const c of commentaries) {
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
    for (const e of data.experts) {
      const count = expected.get(theme.id)?.get(e.id)?.length ?? 0;
      await expect(page.locator(`td[data-theme="${theme.id}"][data-expert="${e.id}"]`)).toHaveAttribute(
        'data-count',
        String(count),
      );
    }
  }

  for (const theme of data.themes) {
    await page.goto(theme.url.slice(BASE.length) || './');
    for (const e of data.experts) {
      const urls = expected.get(theme.id)?.get(e.id) ?? [];
      const column = page.locator(`#expert-${e.id}`);
      if (urls.length === 0) {
        await expect(column).toHaveCount(0);
        continue;
      }
      // A column shows its newest passages; a longer one links to a page with all of them.
      const links = await column
        .getByRole('link', { name: 'Read in context' })
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links, `${theme.id} × ${e.id}`).toEqual(urls.slice(0, THEME_COLUMN_PREVIEW));
    }
  }
});
