import { expect, test } from '@playwright/test';
import { BASE, PUBLIC } from '../env.ts';
import { pagesToVisit } from '../site.ts';
import { watch } from './watch.ts';
import { expectAccessible } from '../checks.ts';

/**
 * Every page, visited once in the browser: no WCAG 2.2 AA violation in light or dark mode, nothing
 * blocked by the Content-Security-Policy and no script error, and a canonical URL, a description and
 * Open Graph and Twitter card tags that agree. Each check is soft, so one run names every problem.
 * E2E_VISITED_DIST leaves out the pages a build already visited has (scripts/test.mjs).
 */
for (const path of pagesToVisit()) {
  test(`${path}: accessible in light and dark mode, nothing blocked, previews agree @every-page`, async ({
    page,
  }) => {
    const problems = await watch(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `WCAG 2.2 AA on ${path}`);
    expect.soft(problems, 'blocked by the Content-Security-Policy, or a script error').toEqual([]);

    if (path.endsWith('404.html')) return;
    const meta = (selector: string) => page.locator(selector).getAttribute('content');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect.soft(canonical).toBe(`${PUBLIC}${path.slice(BASE.length)}`);
    expect.soft(await meta('meta[property="og:url"]')).toBe(canonical);
    const description = await meta('meta[name="description"]');
    expect.soft(description?.length).toBeGreaterThan(20);
    expect.soft(await meta('meta[property="og:description"]')).toBe(description);
    // A large card only for a page with a preview image (an analysis with a lead image).
    const image = await page.locator('meta[property="og:image"]').count();
    expect.soft(await meta('meta[name="twitter:card"]')).toBe(image ? 'summary_large_image' : 'summary');
    expect.soft(await meta('meta[property="og:title"]')).toBeTruthy();
  });
}
