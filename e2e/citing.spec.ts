import { expect, test, type Page } from '@playwright/test';
import { BASE, PUBLIC } from './env.ts';
import { analysis, passage } from './fixture.ts';

// The fixture content (e2e/README.md): the pact is dated to the month (2024-11), the accord to the
// day (2025-03-14).
const PACT = analysis('northern-fisheries-pact');
const ACCORD = analysis('delta-water-accord');
const LINDQVIST = 'commentaries/northern-fisheries-pact/chiara-lindqvist/';
const HALVORSEN = 'commentaries/delta-water-accord/ben-halvorsen/';
const ANALYSIS = 'analyses/northern-fisheries-pact/';

/**
 * Chiara Lindqvist's commentary cited by hand from each style's rules (Chicago 17 bibliography,
 * APA 7, MLA 9): title-case titles for Chicago and MLA, sentence case as published for APA,
 * the month as the source gives it, the URL of the page on this site.
 */
const LINDQVIST_CITATIONS = {
  Chicago: `Lindqvist, Chiara. “When Will the Northern Ports Reopen to Trade?” In What the Northern Fisheries Pact Means for the Coast. Coastal Policy Review, November 2024. ${PUBLIC}${LINDQVIST}.`,
  APA: `Lindqvist, C. (2024, November). When will the northern ports reopen to trade? In What the Northern Fisheries Pact Means for the Coast. Coastal Policy Review. ${PUBLIC}${LINDQVIST}`,
  MLA: `Lindqvist, Chiara. “When Will the Northern Ports Reopen to Trade?” What the Northern Fisheries Pact Means for the Coast, Coastal Policy Review, Nov. 2024, ${PUBLIC.replace(/^https?:\/\//, '')}${LINDQVIST}.`,
};

/** Ben Halvorsen's commentary, in an analysis dated to the day: each style writes the day its way. */
const HALVORSEN_CITATIONS = {
  Chicago: `Halvorsen, Ben. “What Did the Accord Settle, and What Did It Leave Open?” In The Delta Water Accord Tests Two Neighbours. Riverbank Quarterly, March 14, 2025. ${PUBLIC}${HALVORSEN}.`,
  APA: `Halvorsen, B. (2025, March 14). What did the accord settle, and what did it leave open? In The Delta Water Accord Tests Two Neighbours. Riverbank Quarterly. ${PUBLIC}${HALVORSEN}`,
  MLA: `Halvorsen, Ben. “What Did the Accord Settle, and What Did It Leave Open?” The Delta Water Accord Tests Two Neighbours, Riverbank Quarterly, 14 Mar. 2025, ${PUBLIC.replace(/^https?:\/\//, '')}${HALVORSEN}.`,
};

/** A passage that is not the first of its commentary, so that its ¶ number means something. */
const FEES = passage('northern-fisheries-pact', 'chiara-lindqvist', 'The negotiations over harbour fees');

const citeSection = (page: Page) => page.getByRole('region', { name: /^Cite this/ });

test.describe('citing a commentary', () => {
  for (const [path, citations, precision] of [
    [LINDQVIST, LINDQVIST_CITATIONS, 'month'],
    [HALVORSEN, HALVORSEN_CITATIONS, 'day'],
  ] as const) {
    test(`shows it in Chicago, APA and MLA exactly as the styles require, dated to the ${precision}`, async ({
      page,
    }) => {
      await page.goto(path);
      const cite = citeSection(page);
      for (const [style, expected] of Object.entries(citations)) {
        const term = cite.locator('dt', { hasText: new RegExp(`^${style}$`) });
        await expect(term.locator('+ dd .citation')).toHaveText(expected);
      }
      // Titles of containers are set in italics, as every style asks.
      await expect(cite.locator('.citation i').first()).toHaveText(
        path === LINDQVIST ? PACT.title : ACCORD.title,
      );
    });
  }

  test('shows the analysis with all three experts as authors, in published order', async ({ page }) => {
    await page.goto(ANALYSIS);
    await expect(citeSection(page).locator('.citation').first()).toHaveText(
      `Okafor, Ada, Chiara Lindqvist, and Dora Mensah. What the Northern Fisheries Pact Means for the Coast. Coastal Policy Review, November 2024. ${PUBLIC}${ANALYSIS}.`,
    );
  });

  test('offers BibTeX and RIS files that reference managers read', async ({ page, request }) => {
    await page.goto(LINDQVIST);
    const cite = citeSection(page);
    const bibLink = cite.getByRole('link', { name: 'BibTeX file' });
    await expect(bibLink).toHaveAttribute('download', 'lindqvist2024-northern-fisheries-pact.bib');
    const bib = await request.get(new URL((await bibLink.getAttribute('href'))!, page.url()).href);
    expect(bib.status()).toBe(200);
    expect(bib.headers()['content-type']).toContain('application/x-bibtex');
    const bibText = await bib.text();
    expect(bibText).toContain(
      '@incollection{lindqvist2024-northern-fisheries-pact,\n  author = {Lindqvist, Chiara},\n',
    );
    expect(bibText).toContain('  month = nov,\n');
    expect(bibText).toContain(`  url = {${PUBLIC}${LINDQVIST}},\n`);

    const risHref = await cite.getByRole('link', { name: 'RIS file' }).getAttribute('href');
    const ris = await request.get(new URL(risHref!, page.url()).href);
    expect(ris.headers()['content-type']).toContain('application/x-research-info-systems');
    expect((await ris.text()).split('\r\n')).toEqual([
      'TY  - CHAP',
      'AU  - Lindqvist, Chiara',
      'TI  - When will the northern ports reopen to trade?',
      `T2  - ${PACT.title}`,
      `PB  - ${PACT.source.name}`,
      'PY  - 2024',
      'DA  - 2024/11//',
      `UR  - ${PUBLIC}${LINDQVIST}`,
      `N1  - First published at ${PACT.source.url}`,
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
    expect(await authors(LINDQVIST)).toEqual(['Lindqvist, Chiara']);
    expect(await authors(ANALYSIS)).toEqual(['Okafor, Ada', 'Lindqvist, Chiara', 'Mensah, Dora']);
    await expect(page.locator('meta[name="citation_title"]')).toHaveAttribute('content', PACT.title);
  });
});

test.describe('copying, with JavaScript', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a copy button puts the citation on the clipboard, as text and with its italics', async ({ page }) => {
    await page.goto(LINDQVIST);
    await page.getByRole('button', { name: 'Copy the APA citation' }).click();
    await expect(page.getByRole('status')).toHaveText('APA citation copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(LINDQVIST_CITATIONS.APA);
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item!.getType('text/html')).text();
    });
    expect(html).toContain(`<i>${PACT.title}</i>`);
  });

  test('the BibTeX record can be shown and copied', async ({ page }) => {
    await page.goto(LINDQVIST);
    await page.getByText('Show the BibTeX record').click();
    await page.getByRole('button', { name: 'Copy the BibTeX record' }).click();
    await expect(page.getByRole('status')).toHaveText('BibTeX record copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^@incollection\{lindqvist2024-northern-fisheries-pact,[\s\S]*\n\}$/,
    );
  });

  test('a passage’s ¶ goes to the passage and copies its public address', async ({ page }) => {
    await page.goto(FEES.path);
    const item = page.locator('[data-passage]').filter({ hasText: 'The negotiations over harbour fees' });
    const link = item.getByRole('link', { name: /^Link to this passage/ });
    await expect(link).toHaveText(`¶ ${FEES.number}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#${FEES.anchor}$`));
    await expect(page.locator(':target')).toContainText('The negotiations over harbour fees');
    await expect(page.getByRole('status')).toHaveText(`Link to paragraph ${FEES.number} copied`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${PUBLIC}${FEES.path}#${FEES.anchor}`,
    );
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('citations are plain selectable text, with no dead copy buttons', async ({ page }) => {
    await page.goto(LINDQVIST);
    const cite = citeSection(page);
    await expect(cite.getByRole('button')).toHaveCount(0);
    const citation = cite.locator('.citation').first();
    await expect(citation).toHaveText(LINDQVIST_CITATIONS.Chicago);
    expect(await citation.evaluate((el) => getComputedStyle(el).userSelect)).not.toBe('none');
  });

  test('a passage’s ¶ is a plain link to its anchor', async ({ page }) => {
    await page.goto(FEES.path);
    const link = page
      .locator('[data-passage]')
      .filter({ hasText: 'The negotiations over harbour fees' })
      .getByRole('link', { name: /^Link to this passage/ });
    await expect(link).toHaveAttribute('href', `${BASE}${FEES.path}#${FEES.anchor}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#${FEES.anchor}$`));
  });
});

test.describe('printing', () => {
  for (const path of [LINDQVIST, ANALYSIS]) {
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
        `Cite as: ${path === LINDQVIST ? 'Lindqvist, Chiara.' : 'Okafor, Ada,'}`,
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('the block with URL and citation stays off the screen', async ({ page }) => {
    await page.goto(LINDQVIST);
    await expect(page.locator('.print-citation')).toBeHidden();
  });

  for (const format of ['A4', 'Letter'] as const) {
    test(`a commentary prints to a short ${format} PDF`, async ({ page, browserName }) => {
      test.skip(browserName !== 'chromium', 'page.pdf() needs Chromium');
      await page.goto(LINDQVIST);
      const pdf = await page.pdf({ format, printBackground: false });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(3);
    });
  }
});
