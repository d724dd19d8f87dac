import { expect, test } from '@playwright/test';

test.describe('a reader’s journey', () => {
  test('goes from the home page to an analysis, a commentary, a theme and back to a passage', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Perspectives' })).toBeVisible();

    await page
      .getByRole('link', { name: 'Blinken’s China Trip Shows Both Sides Want to Stabilize Ties' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Blinken’s China Trip Shows Both Sides Want to Stabilize Ties',
    );
    await expect(
      page.getByRole('heading', {
        level: 2,
        name: 'What does Blinken’s visit mean for U.S.-China relations?',
      }),
    ).toBeVisible();

    const scobell = page.getByRole('region', {
      name: 'What does Blinken’s visit mean for U.S.-China relations?',
    });
    await scobell.getByRole('link', { name: 'This answer on its own page' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'What does Blinken’s visit mean for U.S.-China relations?',
    );
    await expect(page.getByRole('link', { name: 'Andrew Scobell' }).first()).toBeVisible();

    const commentaryThemes = page.getByRole('region', { name: 'Themes of this commentary' });
    await commentaryThemes.getByRole('link', { name: 'Alliances and partners' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alliances and partners');

    const column = page.getByRole('region', { name: /Andrew Scobell/ });
    await expect(column.getByRole('blockquote')).toHaveCount(1);
    await expect(column.getByRole('blockquote')).toContainText('encircle China');
    await column.getByRole('link', { name: 'Read in context' }).click();

    await expect(page).toHaveURL(
      /\/commentaries\/blinken-china-trip\/andrew-scobell\/#p-but-the-limitations/,
    );
    const target = page.locator(':target');
    await expect(target).toContainText('strengthening security ties with its allies and partners');
    await expect(target).toBeInViewport();
  });

  test('follows a cell of the theme × expert matrix to that expert on that theme', async ({ page }) => {
    await page.goto('./');
    await page
      .getByRole('link', { name: 'Carla Freeman on Fentanyl and counternarcotics: 1 passage' })
      .click();
    await expect(page).toHaveURL(/\/themes\/counternarcotics\/#expert-carla-freeman$/);
    await expect(page.locator(':target').getByRole('blockquote')).toContainText(
      'trafficking in illicit drugs',
    );
  });

  test('can open a passage permalink from the passage itself', async ({ page }) => {
    await page.goto('commentaries/blinken-china-trip/rosie-levine/');
    const passage = page.locator('[data-passage]').filter({ hasText: 'Xi greeted Blinken' });
    await passage.getByRole('link', { name: /^Link to this passage/ }).click();
    await expect(page).toHaveURL(/#p-xi-greeted-blinken-and-both-reiterated$/);
    await expect(page.locator(':target')).toContainText('Xi greeted Blinken');
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
    await page.goto('analyses/blinken-china-trip/');
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
      'analyses/blinken-china-trip/',
      'themes/high-level-diplomacy/',
      'commentaries/blinken-china-trip/carla-freeman/',
    ]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
