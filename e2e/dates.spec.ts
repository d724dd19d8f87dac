import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { BASE } from './env.ts';
import { EXPERT_PAGE_COMMENTARIES } from '../src/model/settings.ts';
import {
  analysis,
  commentariesOf,
  commentary,
  expert,
  fixtureIds,
  type FixtureCommentary,
} from './fixture.ts';
import { expectAccessible } from './checks.ts';

/**
 * Browsing by date on the fixture content (e2e/fixtures/content): search newest first and by year,
 * each theme's analyses by month, each expert's commentaries newest first. Every expectation is
 * computed from the fixture's files: dates as written (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** A date as written, made comparable: a less precise date as the start of its period. */
const sortKey = (iso: string) => `${iso}-01-01`.slice(0, 10);
const newestFirst = (a: string, b: string) => sortKey(b).localeCompare(sortKey(a));
/** How a reader sees a date: "2024", "April 2024", "26 April 2024". */
const spoken = (iso: string) => {
  const [y, m, d] = iso.split('-');
  if (!m) return y!;
  const month = `${MONTHS[Number(m) - 1]} ${y}`;
  return d ? `${Number(d)} ${month}` : month;
};

const published = (analysisId: string) => analysis(analysisId).published;
const allCommentaries = (): FixtureCommentary[] => fixtureIds('analyses').flatMap((id) => commentariesOf(id));
/** The introduction of a fixture analysis: its body. */
const introduction = (id: string) =>
  readFileSync(new URL(`./fixtures/content/analyses/${id}.md`, import.meta.url), 'utf8').replace(
    /^---\n[\s\S]*?\n---\n/,
    '',
  );

const status = (page: Page) => page.getByRole('status');
const facets = (page: Page) => page.getByRole('region', { name: 'Narrow the results' });

async function settled(page: Page) {
  await expect(status(page)).toHaveText(/match|Type a word/);
  await expect(page.locator('[data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
}

/** The dates (`datetime`) of the results listed, in order. */
async function resultDates(page: Page): Promise<string[]> {
  return page
    .locator('[data-search-results] > li:not([data-kind="more"]) .context time')
    .evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
}

/** The commentaries (their pages) the results open, in order. */
async function resultPages(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('[data-search-results] > li:not([data-kind="more"]) a.excerpt')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.slice(BASE.length).replace(/[?#].*$/, ''));
}

// "ledger" is said by one commentary in each harbour note, and by nothing else: many dates, one a result.
const WORD = 'ledger';
const saying = allCommentaries().filter((c) =>
  c.paragraphs.some((p) => new RegExp(`\\b${WORD}`, 'i').test(p)),
);

test.describe('search by date', () => {
  test('newest first lists the results by their analyses’ dates, kept in the URL with back and forward', async ({
    page,
  }) => {
    expect(saying.length, 'more results than the first page holds').toBeGreaterThan(10);
    expect(new Set(saying.map((c) => published(c.analysis))).size).toBe(saying.length);
    const expected = [...saying].sort((a, b) => newestFirst(published(a.analysis), published(b.analysis)));

    await page.goto(`search/?q=${WORD}`);
    await settled(page);
    const relevance = page.getByRole('radio', { name: 'Most relevant first' });
    const newest = page.getByRole('radio', { name: 'Newest first' });
    await expect(relevance).toBeChecked();
    const byRelevance = await resultPages(page);
    // By relevance the commentary that says the word most often comes first (harbour note 2 says
    // it three times, the others once): an older one, so the two orders differ.
    const times = (c: FixtureCommentary) =>
      c.paragraphs.join(' ').match(new RegExp(`\\b${WORD}`, 'gi'))!.length;
    const most = [...saying].sort((a, b) => times(b) - times(a))[0]!;
    expect(times(most)).toBeGreaterThan(1);
    expect(most.path).not.toBe(expected[0]!.path);
    expect(byRelevance[0]).toBe(most.path);

    await newest.check();
    await expect(page).toHaveURL(new RegExp(`\\?q=${WORD}&sort=newest$`));
    await settled(page);
    await expect(status(page)).toHaveText(new RegExp(`^${saying.length} results match “${WORD}”`));
    // The first page, then the rest on request: every result, newest first, each with its date.
    expect(await resultPages(page)).toEqual(expected.slice(0, 10).map((c) => c.path));
    for (let shown = 10; shown < saying.length; shown += 10) {
      await page.getByRole('button', { name: 'Show more results' }).click();
      await expect(page.locator('[data-search-results] > li')).toHaveCount(
        Math.min(shown + 10, saying.length),
      );
    }
    expect(await resultPages(page)).toEqual(expected.map((c) => c.path));
    expect(await resultDates(page)).toEqual(expected.map((c) => published(c.analysis)));
    const first = expected[0]!;
    await expect(page.locator('[data-search-results] > li').first().locator('.context time')).toHaveText(
      spoken(published(first.analysis)),
    );
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`\\?q=${WORD}$`));
    await expect(relevance).toBeChecked();
    await settled(page);
    expect(await resultPages(page)).toEqual(byRelevance);
    await page.goForward();
    await expect(newest).toBeChecked();
    await settled(page);
    expect(await resultPages(page)).toEqual(expected.slice(0, 10).map((c) => c.path));

    // A shared address opens the same order.
    await page.goto(`search/?q=${WORD}&sort=newest`);
    await settled(page);
    await expect(newest).toBeChecked();
    expect(await resultPages(page)).toEqual(expected.slice(0, 10).map((c) => c.path));
  });

  test('the order is one keyboard stop whose arrow keys choose', async ({ page }) => {
    await page.goto(`search/?q=${WORD}`);
    await settled(page);
    await page.getByRole('radio', { name: 'Most relevant first' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Newest first' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Newest first' })).toBeFocused();
    await expect(page).toHaveURL(/&sort=newest$/);
    await page.keyboard.press('ArrowUp');
    await expect(page).toHaveURL(new RegExp(`\\?q=${WORD}$`));
    await expect(page.getByRole('group', { name: 'Order' })).toBeVisible();
  });

  test('a year narrows the results, and each year’s count follows the query', async ({ page }) => {
    const years = [...new Set(fixtureIds('analyses').map((id) => published(id).slice(0, 4)))];
    const count = (year: string) => saying.filter((c) => published(c.analysis).startsWith(year)).length;
    const withWord = years.filter((y) => count(y) > 0);
    const without = years.filter((y) => count(y) === 0);
    expect(withWord.length).toBeGreaterThan(1);
    expect(without.length).toBeGreaterThan(0);

    await page.goto(`search/?q=${WORD}`);
    await settled(page);
    const box = (year: string) => facets(page).getByRole('checkbox', { name: new RegExp(`^${year} `) });
    const listed = () =>
      facets(page)
        .locator('input[name="year"]')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    // The years the results come from, newest first, each with its count; the others are not listed.
    await expect.poll(listed).toEqual([...withWord].sort().reverse());
    for (const year of withWord)
      await expect(box(year)).toHaveAccessibleName(
        `${year} ${count(year)} result${count(year) === 1 ? '' : 's'}`,
      );

    const [year] = withWord;
    await box(year!).check();
    await expect(page).toHaveURL(new RegExp(`\\?q=${WORD}&year=${year}$`));
    await expect(status(page)).toHaveText(
      new RegExp(`^${count(year!)} results? match(es)? “${WORD}” with the chosen filters`),
    );
    await settled(page);
    const dates = await resultDates(page);
    expect(dates.length).toBe(Math.min(count(year!), 10));
    for (const date of dates) expect(date.startsWith(year!)).toBe(true);
    // A second year widens, as a facet's values do.
    const other = withWord[1]!;
    await box(other).check();
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('year').sort())
      .toEqual([year, other].sort());
    await expect(status(page)).toHaveText(
      new RegExp(`^${count(year!) + count(other)} results match “${WORD}” with the chosen filters`),
    );

    // Another query: the counts follow it. "delta" is said in the two newest analyses only.
    const deltaYears = new Set(
      fixtureIds('analyses')
        .filter(
          (id) =>
            /\bdelta\b/i.test(`${analysis(id).title} ${introduction(id)}`) ||
            commentariesOf(id).some((c) => c.paragraphs.some((p) => /\bdelta\b/i.test(p))),
        )
        .map((id) => published(id).slice(0, 4)),
    );
    await page.goto('search/?q=delta');
    await settled(page);
    await expect.poll(listed).toEqual([...deltaYears].sort().reverse());
  });

  test('newest first with a year and an expert, browsing without a query', async ({ page }) => {
    const nour = 'farid-nour';
    const his = allCommentaries().filter((c) => c.expert === nour);
    const year = published(his[0]!.analysis).slice(0, 4);
    const expected = his
      .filter((c) => published(c.analysis).startsWith(year))
      .sort((a, b) => newestFirst(published(a.analysis), published(b.analysis)));
    await page.goto(`search/?expert=${nour}&year=${year}&sort=newest`);
    await settled(page);
    await expect(status(page)).toHaveText(`${expected.length} results match the chosen filters.`);
    expect(await resultPages(page)).toEqual(expected.slice(0, 10).map((c) => c.path));
  });

  test('the search page ordered newest first with a year has no WCAG 2.2 AA violations', async ({ page }) => {
    await page.goto(`search/?q=${WORD}&year=2021&sort=newest`);
    await settled(page);
    await expectAccessible(page, 'search by date');
  });
});

test.describe('a theme’s analyses by month', () => {
  test('lists each month newest first under a heading with its date, each analysis under its month', async ({
    page,
  }) => {
    // The theme most analyses speak to: an analysis speaks to a theme when one of its commentaries
    // declares it (the content check refuses a declared theme no passage speaks to).
    const themes = fixtureIds('themes').map((id) => ({
      id,
      analyses: fixtureIds('analyses').filter((a) => commentariesOf(a).some((c) => c.themes.includes(id))),
    }));
    const { id, analyses } = themes.sort((a, b) => b.analyses.length - a.analyses.length)[0]!;
    const months = [...new Set(analyses.map((a) => published(a).slice(0, 7)))].sort(newestFirst);
    expect(months.length).toBeGreaterThan(1);
    expect(
      analyses.some((a) => published(a).length === 10),
      'a full date among them',
    ).toBe(true);

    await page.goto(`themes/${id}/`);
    const section = page.getByRole('region', { name: 'Analyses by month' });
    const headings = section.getByRole('heading', { level: 3 });
    await expect(headings).toHaveText(months.map(spoken));
    expect(
      await headings.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime'))),
    ).toEqual(months);
    const periods = section.locator('ol > li');
    await expect(periods).toHaveCount(months.length);
    for (const [i, month] of months.entries()) {
      const inMonth = analyses
        .filter((a) => published(a).startsWith(month))
        .sort((a, b) => newestFirst(published(a), published(b)));
      const links = periods.nth(i).getByRole('listitem').getByRole('link');
      await expect(links).toHaveText(inMonth.map((a) => analysis(a).title));
      for (const [j, a] of inMonth.entries()) {
        await expect(links.nth(j)).toHaveAttribute('href', `${BASE}analyses/${a}/`);
        // A day is shown only where the fixture gives one.
        const day = periods.nth(i).getByRole('listitem').nth(j).locator('time');
        if (published(a).length === 10) {
          await expect(day).toHaveAttribute('datetime', published(a));
          await expect(day).toHaveText(spoken(published(a)));
        } else await expect(day).toHaveCount(0);
      }
    }
  });
});

test.describe('an expert’s commentaries', () => {
  for (const id of ['farid-nour', 'ada-okafor']) {
    test(`${id}: newest first, each with its date, page after page`, async ({ page }) => {
      const theirs = allCommentaries()
        .filter((c) => c.expert === id)
        .sort((a, b) => newestFirst(published(a.analysis), published(b.analysis)));
      expect(theirs.length).toBeGreaterThan(1);
      for (let start = 0, n = 1; start < theirs.length; start += EXPERT_PAGE_COMMENTARIES, n++) {
        await page.goto(n === 1 ? `experts/${id}/` : `experts/${id}/page/${n}/`);
        // The commentaries' own list, not the pagination's.
        const list = page.getByRole('region', { name: 'Commentaries' }).locator(':scope > ul > li');
        const shown = theirs.slice(start, start + EXPERT_PAGE_COMMENTARIES);
        await expect(list).toHaveCount(shown.length);
        for (const [i, c] of shown.entries()) {
          await expect(list.nth(i).getByRole('link').first()).toHaveText(commentary(c.analysis, id).question);
          await expect(list.nth(i).getByRole('link').first()).toHaveAttribute('href', `${BASE}${c.path}`);
          const time = list.nth(i).locator('time');
          await expect(time).toHaveAttribute('datetime', published(c.analysis));
          await expect(time).toHaveText(spoken(published(c.analysis)));
        }
      }
      await page.goto(`experts/${id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(expert(id).name);
    });
  }
});
