import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The axe rule sets of WCAG 2.2 level AA, which every page and state is held to. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it stands, in light and then dark mode, and expects (softly, so that
 * both modes report) no violation; each is listed with the elements it found, under `what`.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Legacy mode: @axe-core/playwright otherwise opens a blank page to merge the results of frames,
  // which the site's pages do not have (checked here); that page cost more than the checks themselves.
  expect(page.frames(), `${what}: axe here looks at the page, not into frames`).toHaveLength(1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).setLegacyMode(true).analyze();
    expect
      .soft(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${what} in ${scheme} mode`,
      )
      .toEqual([]);
  }
}

/** The layout shift the page has had so far (buffered), not counting shifts after input, after 500 ms. */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
}
