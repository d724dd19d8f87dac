/**
 * The reading layout: on wide screens a commentary's text keeps its measure and a side column
 * beside it carries the expert, the themes with their passage counts, the analysis's questions and
 * the ways to cite; an analysis's questions float beside its answers. Phones read one column.
 */
import { expect, test, type Page } from '@playwright/test';
import { commentariesOf, fixtureIds } from './fixture.ts';
import { builtPages } from './site.ts';

const commentaries = () => builtPages().filter((p) => p.includes('/commentaries/'));
const analyses = () => builtPages().filter((p) => /\/analyses\/(?!page\/)[^/]+\/$/.test(p));

/**
 * Characters on the first line of the longest paragraph of the text, as rendered: the measure a
 * reader sees (a paragraph's length over its lines would count its short last line too).
 */
async function charactersPerLine(page: Page): Promise<number> {
  return page.locator('article .passage p').evaluateAll((paragraphs) => {
    const longest = paragraphs.reduce((a, b) =>
      (b.textContent ?? '').length > (a.textContent ?? '').length ? b : a,
    );
    const walker = document.createTreeWalker(longest, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let top: number | undefined;
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        top ??= rect.top;
        if (rect.top > top + rect.height / 2) return count;
        count += 1;
      }
    }
    return count;
  });
}

test.describe('at 1,280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a commentary keeps its measure and puts the side column beside the text', async ({ page }) => {
    await page.goto(commentaries()[0]!);
    const text = (await page.locator('article').boundingBox())!;
    const aside = (await page.getByRole('complementary', { name: 'About this commentary' }).boundingBox())!;
    expect(aside.x).toBeGreaterThanOrEqual(text.x + text.width);
    expect(aside.y).toBeLessThan(text.y + 100);
    const perLine = await charactersPerLine(page);
    expect(perLine).toBeGreaterThanOrEqual(60);
    expect(perLine).toBeLessThanOrEqual(75);
  });

  test('the analysis’s questions and the ways to cite stay in view while the text scrolls by', async ({
    page,
  }) => {
    await page.goto(commentaries()[0]!);
    const questions = page.getByRole('navigation', { name: /^In / });
    await page.locator('article .passage').last().scrollIntoViewIfNeeded();
    const box = (await questions.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await expect(page.getByRole('link', { name: 'Cite this commentary' })).toBeInViewport();
  });

  test('an analysis’s questions float beside its answers, and its text keeps its measure', async ({
    page,
  }) => {
    await page.goto(analyses()[0]!);
    const toc = (await page.getByRole('navigation', { name: 'Questions' }).boundingBox())!;
    const answer = (await page.locator('.answer').first().boundingBox())!;
    expect(toc.x).toBeGreaterThanOrEqual(answer.x + answer.width);
    const perLine = await charactersPerLine(page);
    expect(perLine).toBeGreaterThanOrEqual(60);
    expect(perLine).toBeLessThanOrEqual(75);
  });
});

test.describe('on a phone, 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a commentary reads in one column: the side column comes after the text', async ({ page }) => {
    await page.goto(commentaries()[0]!);
    const text = (await page.locator('article').boundingBox())!;
    const aside = (await page.getByRole('complementary', { name: 'About this commentary' }).boundingBox())!;
    expect(aside.y).toBeGreaterThanOrEqual(text.y + text.height);
    expect(Math.abs(aside.x - text.x)).toBeLessThan(1);
  });
});

/**
 * The commentaries whose side column is checked, one of each kind: every commentary of each analysis
 * that has several (the question being read first, in the middle, last), and the first of an analysis
 * that has one alone. The fixture's twenty-one harbour notes are of that kind, each made alike (one
 * short commentary by one expert on one theme), so one of them stands for all.
 */
function sampledCommentaries(): string[] {
  const ids = fixtureIds('analyses');
  const several = ids.filter((id) => commentariesOf(id).length > 1);
  const single = ids.find((id) => commentariesOf(id).length === 1);
  expect(single, 'the fixture has an analysis with one commentary').toBeDefined();
  expect(
    several.some((id) => commentariesOf(id).length >= 3),
    'the fixture has an analysis with a commentary between two others',
  ).toBe(true);
  return [...several.flatMap((id) => commentariesOf(id)), commentariesOf(single!)[0]!].map((c) => c.path);
}

/**
 * One visit of each sampled commentary checks both: the side column marks the question being read
 * among the analysis's questions, and each theme of the side column counts the passages tagged with
 * it on the page. Then each of their analysis pages is visited once: every question is listed.
 */
test('the side column marks the question being read and counts the passages of each theme', async ({
  page,
}) => {
  /** Each commentary's number of listed questions, by the analysis page it links to. */
  const listed: { path: string; analysis: string; count: number }[] = [];
  for (const path of sampledCommentaries()) {
    await page.goto(path);
    const questions = page.getByRole('navigation', { name: /^In / }).getByRole('listitem');
    const current = questions.filter({ has: page.locator('[aria-current="page"]') });
    await expect(current, path).toHaveCount(1);
    await expect(current, path).toContainText(
      (await page.getByRole('heading', { level: 1 }).textContent())!.trim(),
    );
    const analysis = (await page.locator('article header a').first().getAttribute('href'))!;
    listed.push({ path, analysis, count: await questions.count() });

    const items = page.getByRole('region', { name: 'Themes of this commentary' }).getByRole('listitem');
    const themes = await items.evaluateAll((lis) =>
      lis.map((li) => ({
        title: (li.querySelector('a')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        said: Number(/(\d+) passages?/.exec(li.textContent ?? '')?.[1]),
      })),
    );
    expect(themes.length, path).toBeGreaterThan(0);
    // The passages whose tags name each theme exactly, counted on the page in one call.
    const tagged = await page.locator('article .passage').evaluateAll(
      (passages, titles) =>
        titles.map(
          (title) =>
            passages.filter((p) =>
              [...p.querySelectorAll('.tags a')].some(
                (a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim() === title,
              ),
            ).length,
        ),
      themes.map((t) => t.title),
    );
    themes.forEach(({ title, said }, i) => expect(said, `${path} › ${title}`).toBe(tagged[i]));
  }
  // Every question of the analysis is listed: as many as the analysis page has.
  for (const analysis of new Set(listed.map((l) => l.analysis))) {
    await page.goto(analysis);
    const answers = await page.locator('.answer').count();
    for (const { path, count } of listed.filter((l) => l.analysis === analysis))
      expect(count, `${path}: the questions of ${analysis}`).toBe(answers);
  }
});
