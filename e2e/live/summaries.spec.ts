/**
 * The editors' summaries of whatever is published (CONTRIBUTING.md, "Bottom lines and takeaways"):
 * invariants read from the open data, so that any content keeps them. The seed analysis's own are
 * checked in seed.spec.ts (live run only).
 */
import { expect, test } from '@playwright/test';
import { openData } from '../site.ts';

const LABEL = 'Editors’ bottom line:';

test('an analysis with takeaways lists them under their own heading, above its commentaries', async ({
  page,
}) => {
  for (const analysis of openData().analyses.filter((a) => a.takeaways.length > 0)) {
    await page.goto(analysis.url);
    const region = page.getByRole('region', { name: 'Takeaways' });
    await expect(region.getByRole('listitem')).toHaveText(analysis.takeaways);
    expect(analysis.takeaways.length).toBeLessThanOrEqual(5);
  }
});

test('a commentary with a bottom line shows it, labelled as the editors’, and it is the page’s description', async ({
  page,
}) => {
  for (const c of openData().commentaries.filter((x) => x.bottomLine !== null)) {
    await page.goto(c.url);
    await expect(page.locator('.bottom-line')).toHaveText(`${LABEL} ${c.bottomLine}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', c.bottomLine!);
  }
});
