import { expect, test } from '@playwright/test';
import {
  ARCHIVE_PAGE_SIZE,
  EXPERT_PAGE_COMMENTARIES,
  HOME_ANALYSES,
  THEME_COLUMN_PREVIEW,
  THEME_EXPERT_PAGE_PASSAGES,
} from '../src/model/settings.ts';
import { analysis, commentariesOf, commentary, expert, fixtureIds, passage, theme } from './fixture.ts';
import { BASE } from './env.ts';

const urlOf = (path: string) => `${BASE}${path}`;
import { openData } from './site.ts';
import { expectAccessible } from './checks.ts';

// The fixture content (e2e/README.md): two analyses with commentaries written for these tests, and
// twenty-one short "Harbour Notes" that make the archive longer than one page.
const ACCORD = analysis('delta-water-accord');
const HALVORSEN = commentary('delta-water-accord', 'ben-halvorsen');
const OKAFOR = expert('ada-okafor');

test.describe('a reader’s journey', () => {
  test('goes from the home page to an analysis, a commentary, a theme and back to a passage', async ({
    page,
  }) => {
    // Ben Halvorsen speaks to "Border talks" in one passage: the one about the Joint Lock Committee.
    const lock = passage('delta-water-accord', 'ben-halvorsen', 'Most of the work');
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Perspectives' })).toBeVisible();

    await page.getByRole('link', { name: ACCORD.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ACCORD.title);
    await expect(
      page.getByRole('heading', { level: 2, name: commentary('delta-water-accord', 'ada-okafor').question }),
    ).toBeVisible();

    const halvorsen = page.getByRole('region', { name: HALVORSEN.question });
    await halvorsen.getByRole('link', { name: 'This answer on its own page' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HALVORSEN.question);
    await expect(page.getByRole('link', { name: 'Ben Halvorsen' }).first()).toBeVisible();

    const commentaryThemes = page.getByRole('region', { name: 'Themes of this commentary' });
    await commentaryThemes.getByRole('link', { name: theme('border-talks').title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(theme('border-talks').title);

    const column = page.getByRole('region', { name: /Ben Halvorsen/ });
    await expect(column.getByRole('blockquote')).toHaveCount(1);
    await expect(column.getByRole('blockquote')).toContainText('Joint Lock Committee');
    await column.getByRole('link', { name: 'Read in context' }).click();

    await expect(page).toHaveURL(new RegExp(`/${lock.path}#${lock.anchor}$`));
    const target = page.locator(':target');
    await expect(target).toContainText('the river pilots walked out last month');
    await expect(target).toBeInViewport();
  });

  test('follows a cell of the theme × expert matrix to that expert on that theme', async ({ page }) => {
    // Chiara Lindqvist speaks to fisheries once, about catch quotas.
    await page.goto('./');
    await page.getByRole('link', { name: 'Chiara Lindqvist on Salmon and fisheries: 1 passage' }).click();
    await expect(page).toHaveURL(/\/themes\/fisheries\/#expert-chiara-lindqvist$/);
    await expect(page.locator(':target').getByRole('blockquote')).toContainText('catch quotas');
  });

  test('can open a passage permalink from the passage itself', async ({ page }) => {
    const ice = passage('northern-fisheries-pact', 'chiara-lindqvist', 'Not before the ice charts');
    await page.goto(ice.path);
    const item = page.locator('[data-passage]').filter({ hasText: 'Not before the ice charts' });
    await item.getByRole('link', { name: /^Link to this passage/ }).click();
    await expect(page).toHaveURL(new RegExp(`#${ice.anchor}$`));
    await expect(page.locator(':target')).toContainText('Not before the ice charts');
  });

  test('an expert who answered in two analyses lists both commentaries on their page', async ({ page }) => {
    await page.goto('experts/ada-okafor/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(OKAFOR.name);
    for (const id of ['delta-water-accord', 'northern-fisheries-pact']) {
      const { question, path } = commentary(id, 'ada-okafor');
      await expect(page.getByRole('link', { name: question })).toHaveAttribute(
        'href',
        new RegExp(`/${path}$`),
      );
    }
  });
});

/**
 * Farid Nour's commentaries, read from the fixture files, newest first: one per Harbour Note, each
 * note a month apart, so that their dates as written sort as the site sorts them.
 */
const nourNewestFirst = () =>
  fixtureIds('analyses')
    .flatMap((id) => commentariesOf(id).filter((c) => c.expert === 'farid-nour'))
    .sort((a, b) => analysis(b.analysis).published.localeCompare(analysis(a.analysis).published));

test.describe('long lists are split', () => {
  test('the home page shows the newest analyses and the archive pages the rest, newest first', async ({
    page,
  }) => {
    const data = openData();
    const total = fixtureIds('analyses').length;
    expect(total, 'the fixture fills more than one archive page').toBeGreaterThan(ARCHIVE_PAGE_SIZE);
    const titles = data.analyses.map((a) => a.title);

    await page.goto('./');
    const home = page.getByRole('region', { name: 'Analyses' });
    await expect(home.getByRole('heading', { level: 3 })).toHaveText(titles.slice(0, HOME_ANALYSES));
    await home.getByRole('link', { name: `All ${total} analyses` }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All analyses');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(titles.slice(0, ARCHIVE_PAGE_SIZE));
    const pages = page.getByRole('navigation', { name: 'Archive pages' });
    await pages.getByRole('link', { name: 'Older' }).click();
    await expect(page).toHaveURL(/\/analyses\/page\/2\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `All analyses, page 2 of ${Math.ceil(total / ARCHIVE_PAGE_SIZE)}`,
    );
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      titles.slice(ARCHIVE_PAGE_SIZE, 2 * ARCHIVE_PAGE_SIZE),
    );
    await page
      .getByRole('navigation', { name: 'Archive pages' })
      .getByRole('link', { name: 'Newer' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All analyses');
  });

  test('the home matrix says how many experts there are and links to all of them', async ({ page }) => {
    const total = fixtureIds('experts').length;
    await page.goto('./');
    const matrix = page.getByRole('region', { name: 'Who speaks to what' });
    await matrix.getByRole('link', { name: `All ${total} experts` }).click();
    await expect(page).toHaveURL(/\/experts\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Experts');
  });

  test('a theme column longer than its preview links to all of that expert’s passages on the theme', async ({
    page,
  }) => {
    // Ada Okafor speaks to water sharing in all three passages of her first commentary and in three
    // of the five of her second (e2e/README.md): six, one more than a column shows.
    const water = theme('water-sharing');
    const total = 6;
    expect(total).toBeGreaterThan(THEME_COLUMN_PREVIEW);
    await page.goto('themes/water-sharing/');
    const column = page.getByRole('region', { name: /Ada Okafor/ });
    await expect(column).toContainText(`${total} passages`);
    await expect(column.getByRole('blockquote')).toHaveCount(THEME_COLUMN_PREVIEW);
    await column
      .getByRole('link', { name: `All ${total} passages by ${OKAFOR.name} on ${water.title}` })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${OKAFOR.name} on ${water.title}`);
    await expect(page.getByRole('blockquote')).toHaveCount(total);
    // Newest first: the accord's three passages, then the pact's.
    await expect(page.getByRole('blockquote').first()).toContainText('Farmers on the lower delta');
    await expect(page.getByRole('blockquote').last()).toContainText('Drought years remain the weak point');
  });

  test('an expert’s page lists their newest commentaries, the next page the older ones', async ({ page }) => {
    // Farid Nour wrote one commentary for each of the twenty-one Harbour Notes (e2e/README.md).
    const nour = expert('farid-nour');
    const questions = nourNewestFirst().map((c) => c.question);
    expect(questions.length, 'the fixture fills more than one page').toBeGreaterThan(
      EXPERT_PAGE_COMMENTARIES,
    );
    const count = Math.ceil(questions.length / EXPERT_PAGE_COMMENTARIES);
    const questionsShown = () =>
      page.getByRole('region', { name: 'Commentaries' }).locator(':scope > ul > li > a');

    await page.goto(`experts/${nour.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(nour.name);
    await expect(page.getByRole('heading', { level: 2, name: 'Themes' })).toBeVisible();
    await expect(questionsShown()).toHaveText(questions.slice(0, EXPERT_PAGE_COMMENTARIES));

    const pages = page.getByRole('navigation', { name: `Pages of ${nour.name}’s commentaries` });
    await pages.getByRole('link', { name: 'Older' }).click();
    await expect(page).toHaveURL(new RegExp(`/experts/${nour.id}/page/2/$`));
    await expect(page).toHaveTitle(new RegExp(`^${nour.name} \\(page 2 of ${count}\\)`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${nour.name} (page 2 of ${count})`);
    // The profile and its themes are on page 1 only.
    await expect(page.getByRole('heading', { level: 2, name: 'Themes' })).toHaveCount(0);
    await expect(questionsShown()).toHaveText(
      questions.slice(EXPERT_PAGE_COMMENTARIES, 2 * EXPERT_PAGE_COMMENTARIES),
    );
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      new RegExp(`/experts/${nour.id}/page/2/$`),
    );
    await page
      .getByRole('navigation', { name: `Pages of ${nour.name}’s commentaries` })
      .getByRole('link', { name: 'Newer' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/experts/${nour.id}/$`));
  });

  test('an expert’s page on a theme longer than a page goes on to the next', async ({ page }) => {
    // Each of Farid Nour’s twenty-one notes is one passage on harbour records.
    const nour = expert('farid-nour');
    const records = theme('records');
    const texts = nourNewestFirst().flatMap((c) => c.paragraphs);
    expect(texts.length, 'the fixture fills more than one page').toBeGreaterThan(THEME_EXPERT_PAGE_PASSAGES);
    const count = Math.ceil(texts.length / THEME_EXPERT_PAGE_PASSAGES);
    const title = `${nour.name} on ${records.title}`;

    await page.goto(`themes/${records.id}/`);
    await page
      .getByRole('region', { name: new RegExp(nour.name) })
      .getByRole('link', { name: `All ${texts.length} passages by ${nour.name} on ${records.title}` })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('blockquote')).toHaveText(texts.slice(0, THEME_EXPERT_PAGE_PASSAGES));
    await page
      .getByRole('navigation', { name: `Pages of ${nour.name}’s passages on ${records.title}` })
      .getByRole('link', { name: 'Older' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/themes/${records.id}/${nour.id}/page/2/$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (page 2 of ${count})`);
    await expect(page.getByRole('blockquote')).toHaveText(
      texts.slice(THEME_EXPERT_PAGE_PASSAGES, 2 * THEME_EXPERT_PAGE_PASSAGES),
    );
  });

  test('the open data is an index of parts, each saying where it stands, that hold every commentary once', async ({
    request,
  }) => {
    const index = (await (await request.get('data/commentaries.json')).json()) as {
      counts: { commentaries: number };
      partSize: number;
      parts: { number: number; url: string; commentaries: number }[];
    };
    const ids: string[] = [];
    for (const [i, entry] of index.parts.entries()) {
      const part = (await (await request.get(entry.url)).json()) as {
        part: number;
        parts: number;
        index: string;
        prev: string | null;
        next: string | null;
        commentaries: { id: string }[];
      };
      expect(part).toMatchObject({
        part: entry.number,
        parts: index.parts.length,
        index: urlOf('data/commentaries.json'),
      });
      expect(part.prev).toBe(i === 0 ? null : index.parts[i - 1]!.url);
      expect(part.next).toBe(index.parts[i + 1]?.url ?? null);
      expect(part.commentaries).toHaveLength(entry.commentaries);
      expect(part.commentaries.length).toBeLessThanOrEqual(index.partSize);
      ids.push(...part.commentaries.map((c) => c.id));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      fixtureIds('analyses')
        .flatMap((a) => commentariesOf(a).map((c) => `${c.analysis}/${c.expert}`))
        .sort(),
    );
    expect(index.counts.commentaries).toBe(ids.length);
  });

  test('the second archive page, an expert’s page on a theme and the second pages of an expert’s lists have no WCAG 2.2 AA violations', async ({
    page,
  }) => {
    // Page kinds the live suite visits only once the real content has enough to make them.
    for (const path of [
      'analyses/page/2/',
      'themes/water-sharing/ada-okafor/',
      'experts/farid-nour/page/2/',
      'themes/records/farid-nour/page/2/',
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expectAccessible(page, path);
    }
  });
});

test.describe('keyboard', () => {
  test('the first Tab reaches the skip link, which moves focus to the content', async ({ page }) => {
    await page.goto('themes/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    // The next stop is inside the content, not back in the header.
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  test('every link and control on the analysis page is reachable with Tab and shows focus', async ({
    page,
  }) => {
    await page.goto('analyses/northern-fisheries-pact/');
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex="0"]';
    // Controls inside a closed <details> cannot take focus until it is opened.
    const focusable = await page.locator(selector).filter({ visible: true }).count();
    const seen = new Set<number>();
    for (let i = 0; i < focusable + 2; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate((sel) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        return {
          index: [...document.querySelectorAll(sel)].indexOf(el),
          outline: getComputedStyle(el).outlineStyle,
          html: el.outerHTML.slice(0, 80),
        };
      }, selector);
      if (info) {
        expect(info.outline, `focus is visible on ${info.html}`).not.toBe('none');
        seen.add(info.index);
      }
    }
    expect(seen.size).toBe(focusable);
  });
});

test.describe('on a phone @phone', () => {
  test('pages fit the screen without sideways scrolling', async ({ page }) => {
    for (const path of [
      './',
      'analyses/northern-fisheries-pact/',
      'themes/water-sharing/',
      'commentaries/delta-water-accord/ben-halvorsen/',
    ]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
