import { expect, test, type Page } from '@playwright/test';
import {
  analysis,
  commentariesOf,
  commentary,
  expert,
  fixtureIds,
  type FixtureCommentary,
} from './fixture.ts';
import { PUBLIC } from './env.ts';
import { openData } from './site.ts';
import { expectAccessible } from './checks.ts';

/**
 * The editors' summaries on the fixture content (e2e/README.md): the Northern Fisheries Pact has
 * takeaways, the Delta Water Accord has none; some commentaries have a bottom line, others not.
 * Every expectation is read from the fixture files.
 */
const PACT = analysis('northern-fisheries-pact');
const ACCORD = analysis('delta-water-accord');
const OKAFOR_PACT = commentary('northern-fisheries-pact', 'ada-okafor');
const OKAFOR_ACCORD = commentary('delta-water-accord', 'ada-okafor');
const LINDQVIST = commentary('northern-fisheries-pact', 'chiara-lindqvist');
const ALL: FixtureCommentary[] = fixtureIds('analyses').flatMap(commentariesOf);
const LABEL = 'Editors’ bottom line:';

test('the fixture has both cases: summaries on some entries and not on others', () => {
  expect(PACT.takeaways?.length).toBeGreaterThan(0);
  expect(ACCORD.takeaways).toBeUndefined();
  expect(OKAFOR_PACT.bottomLine).toBeTruthy();
  expect(OKAFOR_ACCORD.bottomLine).toBeUndefined();
  expect(LINDQVIST.bottomLine).toBeUndefined();
});

/** The text of each bottom line shown inside a part of the page. */
const bottomLines = (page: Page, within = page.locator('body')) =>
  within.locator('.bottom-line').allInnerTexts();

test.describe('the analysis page', () => {
  test('lists the takeaways under their own heading, above the commentaries, said to be the editors’', async ({
    page,
  }) => {
    await page.goto(`analyses/${PACT.id}/`);
    const takeaways = page.getByRole('region', { name: 'Takeaways' });
    await expect(takeaways.getByRole('heading', { level: 2, name: 'Takeaways' })).toBeVisible();
    await expect(takeaways.getByRole('listitem')).toHaveText(PACT.takeaways!);
    await expect(takeaways).toContainText('editors’ summary');
    // Above the first commentary, in reading order.
    const first = page.getByRole('region', { name: commentariesOf(PACT.id)[0]!.question });
    const order = await takeaways.evaluate(
      (t, other) => t.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING,
      await first.elementHandle(),
    );
    expect(order).toBeTruthy();
    await expectAccessible(page, `analyses/${PACT.id}/`);
  });

  test('gives each commentary its bottom line beside its question, and none to one without', async ({
    page,
  }) => {
    await page.goto(`analyses/${PACT.id}/`);
    for (const c of commentariesOf(PACT.id)) {
      const section = page.getByRole('region', { name: c.question });
      expect(await bottomLines(page, section)).toEqual(c.bottomLine ? [`${LABEL} ${c.bottomLine}`] : []);
      if (c.bottomLine) {
        // Right under the question.
        await expect(section.locator('h2 + .bottom-line')).toHaveText(`${LABEL} ${c.bottomLine}`);
      }
    }
  });

  test('has no takeaways section when the analysis has none', async ({ page }) => {
    await page.goto(`analyses/${ACCORD.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ACCORD.title);
    await expect(page.getByRole('region', { name: 'Takeaways' })).toHaveCount(0);
  });
});

test.describe('the commentary page', () => {
  test('shows the bottom line and makes it the page’s description', async ({ page }) => {
    await page.goto(OKAFOR_PACT.path);
    expect(await bottomLines(page)).toEqual([`${LABEL} ${OKAFOR_PACT.bottomLine}`]);
    for (const selector of ['meta[name="description"]', 'meta[property="og:description"]']) {
      await expect(page.locator(selector)).toHaveAttribute('content', OKAFOR_PACT.bottomLine!);
    }
    await expectAccessible(page, OKAFOR_PACT.path);
  });

  test('without a bottom line keeps its description and shows none', async ({ page }) => {
    await page.goto(LINDQVIST.path);
    expect(await bottomLines(page)).toEqual([]);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description).toContain(LINDQVIST.question);
  });
});

test('theme columns show each commentary’s bottom line once, with its first passage there', async ({
  page,
}) => {
  const data = openData();
  // Every theme page: each column shows the bottom lines of the commentaries its passages come from.
  for (const theme of data.themes) {
    await page.goto(`themes/${theme.id}/`);
    for (const column of await page.locator('.column').all()) {
      const from = await column
        .getByRole('link', { name: 'Read in context' })
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const expected = [...new Set(from.map((path) => ALL.find((c) => path.endsWith(c.path))!))]
        .filter((c) => c.bottomLine)
        .map((c) => `${LABEL} ${c.bottomLine}`);
      expect(
        await bottomLines(page, column),
        `${theme.id}: ${await column.locator('h2').innerText()}`,
      ).toEqual(expected);
    }
  }
  // The fixture puts at least one bottom line in a column.
  await page.goto('themes/fisheries/');
  await expect(page.locator('.column .bottom-line').first()).toBeVisible();
});

test('an expert page shows the bottom line of those commentaries that have one', async ({ page }) => {
  const okafor = expert('ada-okafor');
  await page.goto(`experts/${okafor.id}/`);
  const list = page.getByRole('region', { name: 'Commentaries' });
  for (const c of [OKAFOR_PACT, OKAFOR_ACCORD]) {
    const item = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: c.question }) });
    expect(await bottomLines(page, item)).toEqual(c.bottomLine ? [`${LABEL} ${c.bottomLine}`] : []);
  }
});

test.describe('search results', () => {
  async function search(page: Page, query: string) {
    await page.goto(`search/${query}`);
    await expect(page.getByRole('status')).toHaveText(/match/);
    await expect(page.locator('[data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
  }

  test('show a commentary’s bottom line under its first result only, and none for one without', async ({
    page,
  }) => {
    // In the pact, "harbour" is said by commentaries with a bottom line and without.
    const query = `?q=harbour&analysis=${PACT.id}`;
    await search(page, query);
    const items = page.locator('[data-search-results] > li:not([data-kind="more"])');
    const shown: FixtureCommentary[] = [];
    for (const item of await items.all()) {
      const href = (await item.locator('a.excerpt').getAttribute('href')) ?? '';
      const c = ALL.find((x) => href.split(/[?#]/)[0]!.endsWith(x.path));
      if (!c) {
        // An analysis's introduction: no bottom line.
        expect(await bottomLines(page, item), href).toEqual([]);
        continue;
      }
      const first = !shown.includes(c);
      shown.push(c);
      expect(await bottomLines(page, item), href).toEqual(
        first && c.bottomLine ? [`${LABEL} ${c.bottomLine}`] : [],
      );
    }
    expect(shown.some((c) => c.bottomLine)).toBe(true);
    expect(shown.some((c) => !c.bottomLine)).toBe(true);
    await expectAccessible(page, `search/${query}`);
  });
});

test.describe('feeds and open data', () => {
  const entry = (xml: string, link: string) =>
    [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)]
      .map((m) => m[1]!)
      .find((e) => e.includes(`href="${link}`))!;
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');

  test('an expert’s feed summarises a commentary by its bottom line; the analyses feed carries the takeaways', async ({
    request,
  }) => {
    const expertFeed = await (await request.get('experts/ada-okafor/feed.xml')).text();
    const pact = entry(expertFeed, `${PUBLIC}${OKAFOR_PACT.path}`);
    expect(unescape(/<summary>([^<]*)<\/summary>/.exec(pact)![1]!)).toBe(OKAFOR_PACT.bottomLine);
    const accord = entry(expertFeed, `${PUBLIC}${OKAFOR_ACCORD.path}`);
    expect(accord).not.toContain('bottom line');

    const feed = await (await request.get('feed.xml')).text();
    const content = unescape(
      unescape(
        /<content type="html">([^<]*)<\/content>/.exec(entry(feed, `${PUBLIC}analyses/${PACT.id}/`))![1]!,
      ),
    );
    for (const t of PACT.takeaways!) expect(content).toContain(`<li>${t}</li>`);
    expect(entry(feed, `${PUBLIC}analyses/${ACCORD.id}/`)).not.toContain('Takeaways');
  });

  test('the open data carries analyses[].takeaways and commentaries[].bottomLine', () => {
    const data = openData();
    for (const id of fixtureIds('analyses')) {
      expect(data.analyses.find((a) => a.id === id)?.takeaways, id).toEqual(analysis(id).takeaways ?? []);
      for (const c of commentariesOf(id)) {
        const found = data.commentaries.find((x) => x.id === `${id}/${c.expert}`);
        expect(found?.bottomLine, `${id}/${c.expert}`).toBe(c.bottomLine ?? null);
      }
    }
  });
});
