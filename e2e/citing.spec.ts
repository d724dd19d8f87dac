import { expect, test, type Page } from '@playwright/test';
import { BASE, PUBLIC } from './env';

const FREEMAN = 'commentaries/blinken-china-trip/carla-freeman/';
const LEVINE = 'commentaries/blinken-china-trip/rosie-levine/';
const ANALYSIS = 'analyses/blinken-china-trip/';

/**
 * Carla Freeman's commentary cited by hand from each style's rules (Chicago 17 bibliography,
 * APA 7, MLA 9): title-case titles for Chicago and MLA, sentence case as published for APA,
 * the month as the source gives it, the URL of the page on this site.
 */
const FREEMAN_CITATIONS = {
  Chicago: `Freeman, Carla. “What Does Blinken’s Visit Signal about the U.S. Approach to China?” In Blinken’s China Trip Shows Both Sides Want to Stabilize Ties. United States Institute of Peace, April 2024. ${PUBLIC}${FREEMAN}.`,
  APA: `Freeman, C. (2024, April). What does Blinken’s visit signal about the U.S. approach to China? In Blinken’s China Trip Shows Both Sides Want to Stabilize Ties. United States Institute of Peace. ${PUBLIC}${FREEMAN}`,
  MLA: `Freeman, Carla. “What Does Blinken’s Visit Signal about the U.S. Approach to China?” Blinken’s China Trip Shows Both Sides Want to Stabilize Ties, United States Institute of Peace, Apr. 2024, ${PUBLIC.replace(/^https?:\/\//, '')}${FREEMAN}.`,
};

const citeSection = (page: Page) => page.getByRole('region', { name: /^Cite this/ });

test.describe('citing a commentary', () => {
  test('shows it in Chicago, APA and MLA exactly as the styles require', async ({ page }) => {
    await page.goto(FREEMAN);
    const cite = citeSection(page);
    for (const [style, expected] of Object.entries(FREEMAN_CITATIONS)) {
      const term = cite.locator('dt', { hasText: new RegExp(`^${style}$`) });
      await expect(term.locator('+ dd .citation')).toHaveText(expected);
    }
    // Titles of containers are set in italics, as every style asks.
    await expect(cite.locator('.citation i').first()).toHaveText(
      'Blinken’s China Trip Shows Both Sides Want to Stabilize Ties',
    );
  });

  test('shows the analysis with all three experts as authors, in published order', async ({ page }) => {
    await page.goto(ANALYSIS);
    await expect(citeSection(page).locator('.citation').first()).toHaveText(
      `Levine, Rosie, Carla Freeman, and Andrew Scobell. Blinken’s China Trip Shows Both Sides Want to Stabilize Ties. United States Institute of Peace, April 2024. ${PUBLIC}${ANALYSIS}.`,
    );
  });

  test('offers BibTeX and RIS files that reference managers read', async ({ page, request }) => {
    await page.goto(FREEMAN);
    const cite = citeSection(page);
    const bibLink = cite.getByRole('link', { name: 'BibTeX file' });
    await expect(bibLink).toHaveAttribute('download', 'freeman2024-blinken-china-trip.bib');
    const bib = await request.get(new URL((await bibLink.getAttribute('href'))!, page.url()).href);
    expect(bib.status()).toBe(200);
    expect(bib.headers()['content-type']).toContain('application/x-bibtex');
    const bibText = await bib.text();
    expect(bibText).toContain(
      '@incollection{freeman2024-blinken-china-trip,\n  author = {Freeman, Carla},\n',
    );
    expect(bibText).toContain('  month = apr,\n');
    expect(bibText).toContain(`  url = {${PUBLIC}${FREEMAN}},\n`);

    const risHref = await cite.getByRole('link', { name: 'RIS file' }).getAttribute('href');
    const ris = await request.get(new URL(risHref!, page.url()).href);
    expect(ris.headers()['content-type']).toContain('application/x-research-info-systems');
    expect((await ris.text()).split('\r\n')).toEqual([
      'TY  - CHAP',
      'AU  - Freeman, Carla',
      'TI  - What does Blinken’s visit signal about the U.S. approach to China?',
      'T2  - Blinken’s China Trip Shows Both Sides Want to Stabilize Ties',
      'PB  - United States Institute of Peace',
      'PY  - 2024',
      'DA  - 2024/04//',
      `UR  - ${PUBLIC}${FREEMAN}`,
      'N1  - First published at https://www.usip.org/publications/2024/04/blinkens-china-trip-shows-both-sides-want-stabilize-ties',
      'LA  - en',
      'ER  - ',
      '',
    ]);
  });

  test('tells Google Scholar and Zotero who wrote it, one citation_author per author', async ({ page }) => {
    const authors = async (path: string) => {
      await page.goto(path);
      return page
        .locator('meta[name="citation_author"]')
        .evaluateAll((ms) => ms.map((m) => m.getAttribute('content')));
    };
    expect(await authors(FREEMAN)).toEqual(['Freeman, Carla']);
    expect(await authors(ANALYSIS)).toEqual(['Levine, Rosie', 'Freeman, Carla', 'Scobell, Andrew']);
    await expect(page.locator('meta[name="citation_title"]')).toHaveAttribute(
      'content',
      'Blinken’s China Trip Shows Both Sides Want to Stabilize Ties',
    );
  });
});

test.describe('copying, with JavaScript', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a copy button puts the citation on the clipboard, as text and with its italics', async ({ page }) => {
    await page.goto(FREEMAN);
    await page.getByRole('button', { name: 'Copy the APA citation' }).click();
    await expect(page.getByRole('status')).toHaveText('APA citation copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FREEMAN_CITATIONS.APA);
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item!.getType('text/html')).text();
    });
    expect(html).toContain('<i>Blinken’s China Trip Shows Both Sides Want to Stabilize Ties</i>');
  });

  test('the BibTeX record can be shown and copied', async ({ page }) => {
    await page.goto(FREEMAN);
    await page.getByText('Show the BibTeX record').click();
    await page.getByRole('button', { name: 'Copy the BibTeX record' }).click();
    await expect(page.getByRole('status')).toHaveText('BibTeX record copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^@incollection\{freeman2024-blinken-china-trip,[\s\S]*\n\}$/,
    );
  });

  test('a passage’s ¶ goes to the passage and copies its public address', async ({ page }) => {
    await page.goto(LEVINE);
    const passage = page.locator('[data-passage]').filter({ hasText: 'Xi greeted Blinken' });
    const link = passage.getByRole('link', { name: /^Link to this passage/ });
    await expect(link).toHaveText('¶ 5');
    await link.click();
    await expect(page).toHaveURL(/#p-xi-greeted-blinken-and-both-reiterated$/);
    await expect(page.locator(':target')).toContainText('Xi greeted Blinken');
    await expect(page.getByRole('status')).toHaveText('Link to paragraph 5 copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${PUBLIC}${LEVINE}#p-xi-greeted-blinken-and-both-reiterated`,
    );
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('citations are plain selectable text, with no dead copy buttons', async ({ page }) => {
    await page.goto(FREEMAN);
    const cite = citeSection(page);
    await expect(cite.getByRole('button')).toHaveCount(0);
    const citation = cite.locator('.citation').first();
    await expect(citation).toHaveText(FREEMAN_CITATIONS.Chicago);
    expect(await citation.evaluate((el) => getComputedStyle(el).userSelect)).not.toBe('none');
  });

  test('a passage’s ¶ is a plain link to its anchor', async ({ page }) => {
    await page.goto(LEVINE);
    const link = page
      .locator('[data-passage]')
      .filter({ hasText: 'Xi greeted Blinken' })
      .getByRole('link', { name: /^Link to this passage/ });
    await expect(link).toHaveAttribute('href', `${BASE}${LEVINE}#p-xi-greeted-blinken-and-both-reiterated`);
    await link.click();
    await expect(page).toHaveURL(/#p-xi-greeted-blinken-and-both-reiterated$/);
  });
});

test.describe('printing', () => {
  for (const path of [FREEMAN, ANALYSIS]) {
    test(`${path} prints without navigation, with its URL and citation`, async ({ page }) => {
      // A4 and Letter minus the 16 mm side margins are about 670 px wide; check the narrower.
      await page.setViewportSize({ width: 660, height: 1000 });
      await page.goto(path);
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
      await expect(page.locator('.site-footer')).toBeHidden();
      await expect(page.locator('.skip-link')).toBeHidden();
      await expect(citeSection(page)).toBeHidden();
      await expect(page.locator('.related')).toBeHidden();
      await expect(page.locator('.permalink').first()).toBeHidden();
      const block = page.locator('.print-citation');
      await expect(block).toBeVisible();
      await expect(block).toContainText(`Online: ${PUBLIC}${path}`);
      await expect(block).toContainText(
        `Cite as: ${path === FREEMAN ? 'Freeman, Carla.' : 'Levine, Rosie,'}`,
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('the block with URL and citation stays off the screen', async ({ page }) => {
    await page.goto(FREEMAN);
    await expect(page.locator('.print-citation')).toBeHidden();
  });

  for (const format of ['A4', 'Letter'] as const) {
    test(`a commentary prints to a short ${format} PDF`, async ({ page, browserName }) => {
      test.skip(browserName !== 'chromium', 'page.pdf() needs Chromium');
      await page.goto(FREEMAN);
      const pdf = await page.pdf({ format, printBackground: false });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(3);
    });
  }
});
