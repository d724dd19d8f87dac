/**
 * The editors' summaries of whatever is published (CONTRIBUTING.md, "Bottom lines and takeaways"):
 * invariants read from the open data, so that any content keeps them, and the seed analysis's own,
 * scoped to it by its id.
 */
import { expect, test } from '@playwright/test';
import { openData } from '../site';

/** The id of the seed analysis: its file is content/analyses/blinken-china-trip.md. */
const SEED = 'blinken-china-trip';
const LABEL = 'Editors’ bottom line:';

/** The words of a text, lower case, without punctuation. */
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu) ?? [];

/** The longest run of consecutive words a summary shares with a text. */
function longestSharedRun(summary: string, text: string): number {
  const said = ` ${words(text).join(' ')} `;
  const mine = words(summary);
  let longest = 0;
  for (let start = 0; start < mine.length; start++) {
    for (let end = start + longest + 1; end <= mine.length; end++) {
      if (!said.includes(` ${mine.slice(start, end).join(' ')} `)) break;
      longest = end - start;
    }
  }
  return longest;
}

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

test('the seed analysis has takeaways and a bottom line for every commentary, in the editors’ own words', () => {
  const data = openData();
  const seed = data.analyses.find((a) => a.id === SEED);
  expect(seed, `the analysis ${SEED} is published`).toBeDefined();
  const commentaries = data.commentaries.filter((c) => c.analysis === SEED);
  const experts = commentaries.flatMap((c) => c.passages.map((p) => p.text)).join('\n');
  expect(seed!.takeaways.length).toBeGreaterThan(0);
  // Paraphrase, not quotation: no summary repeats six words in a row of what the experts wrote.
  for (const takeaway of seed!.takeaways)
    expect(longestSharedRun(takeaway, experts), takeaway).toBeLessThan(6);
  for (const c of commentaries) {
    expect(c.bottomLine, c.id).toBeTruthy();
    const own = c.passages.map((p) => p.text).join('\n');
    expect(longestSharedRun(c.bottomLine!, own), c.bottomLine!).toBeLessThan(6);
  }
});
