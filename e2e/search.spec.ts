import { expect, test, type Page } from '@playwright/test';
import { BASE } from './env.ts';
import { commentary, fixtureIds, passage, type FixturePassage } from './fixture.ts';
import { expectAccessible } from './checks.ts';

/**
 * The passages the searches below should find, named by their commentary and opening words in the
 * fixture content (e2e/fixtures/content, described in e2e/README.md). What each search should find
 * was decided by reading the fixture, not by running the search.
 */
const PASSAGES = {
  halvorsenAccord: passage('delta-water-accord', 'ben-halvorsen', 'The accord signed on Friday'),
  halvorsenBarges: passage('delta-water-accord', 'ben-halvorsen', 'Trade should recover first'),
  halvorsenDrought: passage('delta-water-accord', 'ben-halvorsen', 'The harder part is the drought clause'),
  halvorsenLock: passage('delta-water-accord', 'ben-halvorsen', 'Most of the work'),
  okaforFarmers: passage('delta-water-accord', 'ada-okafor', 'Farmers on the lower delta'),
  okaforSalmon: passage('northern-fisheries-pact', 'ada-okafor', 'The salmon run'),
  okaforBarrier: passage('northern-fisheries-pact', 'ada-okafor', 'The delta flood barrier'),
  okaforPorts: passage('northern-fisheries-pact', 'ada-okafor', 'The pact also tries'),
  lindqvistIce: passage('northern-fisheries-pact', 'chiara-lindqvist', 'Not before the ice charts'),
  lindqvistQuotas: passage('northern-fisheries-pact', 'chiara-lindqvist', 'The pact sets catch quotas'),
  lindqvistFees: passage('northern-fisheries-pact', 'chiara-lindqvist', 'The negotiations over harbour fees'),
  lindqvistSettled: passage('northern-fisheries-pact', 'chiara-lindqvist', 'Once that is settled'),
  mensahAI: passage('northern-fisheries-pact', 'dora-mensah', 'Enforcement will rest on an AI system'),
  mensahStewardship: passage('northern-fisheries-pact', 'dora-mensah', 'The pact aims at shared stewardship'),
  mensahRiver: passage('northern-fisheries-pact', 'dora-mensah', 'On the river mouth'),
} satisfies Record<string, FixturePassage>;
type Known = keyof typeof PASSAGES;

const results = (page: Page) =>
  page.getByRole('region', { name: 'Results', exact: true }).getByRole('listitem');
const status = (page: Page) => page.getByRole('status');
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search the commentaries' });

/** Waits until the search has answered and filled its first page of results. */
async function settled(page: Page) {
  await expect(status(page)).toHaveText(/match|Type a word/);
  await expect(page.locator('[data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
}

/** Opens the search page at a query string and waits until the search has answered. */
async function searchAt(page: Page, query: string) {
  await page.goto(`search/${query}`);
  await settled(page);
}

/**
 * The passage each result stands for: the excerpt may start mid-passage, so a result is identified
 * by its expert and by the passage its link leads to. `kind`: only the results of that kind
 * (`passage`: says the words; `themed`: tagged with a theme the query names; `commentary`: only its
 * question matched). The "N more passages" lines are not results.
 */
async function shown(page: Page, kind?: 'passage' | 'themed' | 'commentary'): Promise<string[]> {
  const items = await page
    .locator(`[data-search-results] > li${kind ? `[data-kind="${kind}"]` : ':not([data-kind="more"])'}`)
    .all();
  return Promise.all(
    items.map(async (item) => {
      const text = await item.innerText();
      const href = (await item.getByRole('link').getAttribute('href')) ?? '';
      const known = (Object.keys(PASSAGES) as Known[]).find((key) => {
        const p = PASSAGES[key];
        return (
          text.startsWith(p.expertName) &&
          href.startsWith(`${BASE}${p.path}`) &&
          href.endsWith(`#${p.anchor}`)
        );
      });
      return known ?? `${text.split('\n')[0]} → ${href}`;
    }),
  );
}

test.describe('search finds the passages a reader is looking for', () => {
  test('“salmon”: the passage that names it first, then the passages tagged with its theme', async ({
    page,
  }) => {
    await searchAt(page, '?q=salmon');
    // One commentary says "salmon"; the theme "Salmon and fisheries" is named by it too.
    await expect(status(page)).toHaveText(
      '1 result matches “salmon”. Then passages tagged with Salmon and fisheries.',
    );
    // Only Okafor's "The salmon run…" says "salmon"; Lindqvist's "catch quotas" and Mensah's
    // "trawlers" speak of fishing in other words and carry the theme "Salmon and fisheries".
    await expect(results(page)).toHaveCount(3);
    expect(await shown(page, 'passage')).toEqual(['okaforSalmon']);
    expect(await shown(page)).toEqual(['okaforSalmon', ...(await shown(page, 'themed'))]);
    expect((await shown(page, 'themed')).sort()).toEqual(['lindqvistQuotas', 'mensahAI']);
    await expect(results(page).nth(1)).toContainText('Tagged with: Salmon and fisheries');
    await expect(results(page).nth(1).locator('mark')).toHaveCount(0);
    const first = results(page).first();
    await expect(first.locator('mark')).toHaveText(['salmon']);
    await expect(first).toContainText('Ada Okafor');
    await expect(first).toContainText(commentary('northern-fisheries-pact', 'ada-okafor').question);
    await expect(first).toContainText('Themes:');
    await expect(first).toContainText('Salmon and fisheries');
  });

  const known: [string, string, Known[], string][] = [
    ['a stemmed form: “barge” finds “barges”', 'barge', ['halvorsenBarges'], 'barges'],
    [
      'another stemmed form: “negotiate” finds “negotiations”',
      'negotiate',
      ['lindqvistFees'],
      'negotiations',
    ],
    ['two names', 'Ilse Varga', ['halvorsenAccord'], 'Ilse'],
    ['an expert and a subject', 'Halvorsen drought', ['halvorsenDrought'], 'drought'],
    ['a phrase in quotes', '"shared stewardship"', ['mensahStewardship'], 'shared'],
  ];
  for (const [name, query, expected, marked] of known) {
    test(name, async ({ page }) => {
      await searchAt(page, `?q=${encodeURIComponent(query)}`);
      // The passages that say the words; those tagged with a theme whose terms the query names
      // ("barge*" of River trade, "negotiat*" of Border talks) may follow, never before them.
      expect(await shown(page, 'passage')).toEqual(expected);
      const all = await shown(page);
      expect(all.slice(0, expected.length)).toEqual(expected);
      expect(all.slice(expected.length)).toEqual(await shown(page, 'themed'));
      await expect(results(page).first().locator('mark').first()).toHaveText(marked);
    });
  }

  test('a word of two letters is matched whole: “AI” finds AI, not “aimed” or “aims”', async ({ page }) => {
    // Halvorsen's "The harder part…" and Mensah's "Enforcement will rest…" say AI; Mensah's "The
    // pact aims…" says "aims" and Lindqvist's "Not before the ice charts…" "aimed".
    await searchAt(page, '?q=AI');
    // The theme "AI oversight" has "AI" as a term: its other passages follow, unmarked.
    await expect(status(page)).toHaveText('2 results match “AI”. Then passages tagged with AI oversight.');
    expect((await shown(page, 'passage')).sort()).toEqual(['halvorsenDrought', 'mensahAI']);
    for (const item of await results(page).all()) {
      for (const mark of await item.locator('mark').allTextContents()) expect(mark).toBe('AI');
    }
  });

  test('a word two analyses share: every passage that mentions it, each expert’s', async ({ page }) => {
    // "delta" is said in both analyses, by three experts.
    await searchAt(page, '?q=delta');
    await expect(status(page)).toHaveText('5 results match “delta”.');
    expect((await shown(page, 'passage')).sort()).toEqual(
      ['halvorsenAccord', 'lindqvistQuotas', 'okaforBarrier', 'okaforFarmers'].sort(),
    );
    // The fifth: the accord's introduction, whose title says "Delta" (its text does not), listed
    // once, below the passages.
    const titled = page.locator('[data-search-results] > li[data-kind="commentary"]');
    await expect(titled).toHaveCount(1);
    await expect(titled).toContainText('Introduction');
    await expect(results(page).last()).toContainText('Introduction');
    expect(await titled.getByRole('link').getAttribute('href')).toBe(
      `${BASE}analyses/delta-water-accord/?highlight=Delta`,
    );
    await searchAt(page, `?q=${encodeURIComponent('delta flood barrier')}`);
    expect((await shown(page))[0]).toBe('okaforBarrier');
  });

  test('words said together rank above the same words apart', async ({ page }) => {
    // Halvorsen: "the river pilots walked out"; Mensah's "On the river mouth…" has "river" and
    // "pilots" apart, and more of each.
    await searchAt(page, `?q=${encodeURIComponent('river pilots')}`);
    expect(await shown(page)).toEqual(['halvorsenLock', 'mensahRiver']);
  });

  test('a match in the question lifts the commentary, not each of its passages', async ({ page }) => {
    // Lindqvist answers “When will the northern ports reopen to trade?”; of her four passages only
    // "The pact sets catch quotas…" ("each port") and "Once that is settled…" ("the ports") say a
    // searched word. Okafor's "The pact also tries…" says "ports reopen".
    const lindqvist = commentary('northern-fisheries-pact', 'chiara-lindqvist');
    expect(lindqvist.paragraphs.filter((p) => /\bports?\b|reopen/i.test(p))).toHaveLength(2);
    await searchAt(page, `?q=${encodeURIComponent('ports reopen')}`);
    // Each result opens a passage that says a searched word; Lindqvist's other passages are not
    // listed for her question's sake, and her commentary is not listed a second time as a whole.
    expect((await shown(page)).sort()).toEqual(['lindqvistQuotas', 'lindqvistSettled', 'okaforPorts']);
    for (const item of await results(page).all()) await expect(item.locator('mark').first()).toBeVisible();
  });

  test('the same passage is one result, though it is shown on three pages', async ({ page, request }) => {
    // Halvorsen's "Most of the work…" is on his commentary's page, the analysis page and the pages
    // of its two themes.
    for (const path of [PASSAGES.halvorsenLock.path, 'analyses/delta-water-accord/', 'themes/border-talks/'])
      expect(await (await request.get(path)).text(), path).toContain('Joint Lock Committee');
    await searchAt(page, `?q=${encodeURIComponent('Joint Lock Committee')}`);
    await expect(status(page)).toHaveText('1 result matches “Joint Lock Committee”.');
    expect(await shown(page)).toEqual(['halvorsenLock']);
  });

  test('page chrome is not searchable', async ({ page }) => {
    // The site's name is in the header and the footer of every page, and in no passage.
    await searchAt(page, '?q=Perspectives');
    await expect(status(page)).toHaveText('No result matches “Perspectives”.');
  });

  for (const query of ['quantum', 'Israel', 'inflation']) {
    test(`says plainly when nothing matches “${query}”, even when a short word starts it`, async ({
      page,
    }) => {
      // "Israel" and "inflation" begin with "is" and "in", which Pagefind alone would match.
      await searchAt(page, `?q=${query}`);
      await expect(status(page)).toHaveText(`No result matches “${query}”.`);
      await expect(results(page)).toHaveCount(0);
    });
  }

  test('names a word no passage contains and searches the others', async ({ page }) => {
    await searchAt(page, `?q=${encodeURIComponent('barges Israel')}`);
    await expect(status(page)).toHaveText(
      '1 result matches “barges Israel”. Nothing mentions “Israel”, so it was left out. Then passages tagged with River trade.',
    );
    expect(await shown(page, 'passage')).toEqual(['halvorsenBarges']);
  });
});

test.describe('facets', () => {
  test('narrow within a query, widen with another value, and count what each would add', async ({ page }) => {
    await searchAt(page, '?q=delta');
    const facets = page.getByRole('region', { name: 'Narrow the results' });
    const lindqvist = facets.getByRole('checkbox', { name: /Chiara Lindqvist/ });
    const halvorsen = facets.getByRole('checkbox', { name: /Ben Halvorsen/ });
    await expect(facets.getByRole('checkbox', { name: /Ada Okafor/ })).toHaveAccessibleName(
      'Ada Okafor 2 results',
    );
    await expect(halvorsen).toHaveAccessibleName('Ben Halvorsen 1 result');

    await halvorsen.check();
    await expect(status(page)).toHaveText('1 result matches “delta” with the chosen filters.');
    await settled(page);
    expect(await shown(page)).toEqual(['halvorsenAccord']);
    await expect(page).toHaveURL(/\?q=delta&expert=ben-halvorsen$/);
    // Another expert's count still says what choosing them would add.
    await expect(lindqvist).toHaveAccessibleName('Chiara Lindqvist 1 result');

    await lindqvist.check();
    await expect(status(page)).toHaveText('2 results match “delta” with the chosen filters.');
    await settled(page);
    expect((await shown(page)).sort()).toEqual(['halvorsenAccord', 'lindqvistQuotas']);

    // Of these two, only Lindqvist's speaks to fisheries.
    await facets.getByRole('checkbox', { name: /Salmon and fisheries/ }).check();
    await expect(status(page)).toHaveText('1 result matches “delta” with the chosen filters.');
    await settled(page);
    expect(await shown(page)).toEqual(['lindqvistQuotas']);

    await facets.getByRole('button', { name: 'Clear filters' }).click();
    await expect(status(page)).toHaveText('5 results match “delta”.');
    await expect(page).toHaveURL(/\?q=delta$/);
  });

  test('narrow a word two analyses share to one analysis', async ({ page }) => {
    await searchAt(page, '?q=delta&analysis=delta-water-accord');
    expect((await shown(page, 'passage')).sort()).toEqual(['halvorsenAccord', 'okaforFarmers']);
  });

  test('browse by facet without a query, in reading order, two passages then the rest in place', async ({
    page,
  }) => {
    await searchAt(page, '');
    await expect(status(page)).toHaveText(/Type a word/);
    await page.getByRole('checkbox', { name: /Chiara Lindqvist/ }).check();
    // Lindqvist answers in one analysis: one commentary of four passages.
    const { paragraphs } = commentary('northern-fisheries-pact', 'chiara-lindqvist');
    expect(paragraphs).toHaveLength(4);
    await expect(status(page)).toHaveText('1 result matches the chosen filters.');
    await settled(page);
    expect(await shown(page)).toEqual(['lindqvistIce', 'lindqvistQuotas']);
    await page.getByRole('button', { name: '2 more passages in this commentary' }).click();
    expect(await shown(page)).toEqual([
      'lindqvistIce',
      'lindqvistQuotas',
      'lindqvistFees',
      'lindqvistSettled',
    ]);
    await expect(results(page).nth(2).getByRole('link')).toBeFocused();
    await expect(results(page).locator('mark')).toHaveCount(0);
  });

  test('shows ten results at first and the rest on request, moving focus to the first new one', async ({
    page,
  }) => {
    // Farid Nour answers in the twenty-one harbour notes, one short passage each.
    const notes = fixtureIds('analyses').filter((id) => id.startsWith('harbour-notes-'));
    for (const id of notes) expect(commentary(id, 'farid-nour').paragraphs).toHaveLength(1);
    const total = notes.length;
    expect(total, 'more commentaries than the ten results shown at first').toBeGreaterThan(10);
    await searchAt(page, '?expert=farid-nour');
    await expect(status(page)).toHaveText(`${total} results match the chosen filters.`);
    await expect(results(page)).toHaveCount(10);
    // Ten more on each request, focus on the first new one, until there are no more.
    for (let shown = 10; shown < total; shown += 10) {
      await page.getByRole('button', { name: 'Show more results' }).click();
      await expect(results(page)).toHaveCount(Math.min(shown + 10, total));
      await expect(results(page).nth(shown).getByRole('link')).toBeFocused();
    }
    await expect(page.getByRole('button', { name: 'Show more results' })).toBeHidden();
  });

  test('a filter that leaves nothing says so and can be cleared', async ({ page }) => {
    await searchAt(page, '?q=salmon&expert=ben-halvorsen');
    await expect(status(page)).toHaveText('No result matches “salmon” with the chosen filters.');
    await expect(results(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(status(page)).toHaveText(
      '1 result matches “salmon”. Then passages tagged with Salmon and fisheries.',
    );
  });

  test('search works under the Content-Security-Policy with a filter, and lands on the marked word', async ({
    page,
  }) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await searchAt(page, '?q=salmon&theme=fisheries');
    await expect(status(page)).toHaveText(
      '1 result matches “salmon” with the chosen filters. Then passages tagged with Salmon and fisheries.',
    );
    await results(page).first().getByRole('link').click();
    await expect(page.locator(':target mark')).toHaveText(['salmon']);
    expect(problems).toEqual([]);
  });
});

test.describe('the URL holds the search', () => {
  test('a shared URL opens the same search, a reload keeps it, and back undoes each step', async ({
    page,
  }) => {
    await searchAt(page, '?q=delta&expert=chiara-lindqvist');
    await expect(box(page)).toHaveValue('delta');
    await expect(page.getByRole('checkbox', { name: /Chiara Lindqvist/ })).toBeChecked();
    expect(await shown(page)).toEqual(['lindqvistQuotas']);

    await page.reload();
    await expect(status(page)).toHaveText('1 result matches “delta” with the chosen filters.');

    await box(page).fill('ice charts');
    await expect(page).toHaveURL(/\?q=ice\+charts&expert=chiara-lindqvist$/);
    await expect(status(page)).toHaveText('1 result matches “ice charts” with the chosen filters.');
    await page.getByRole('checkbox', { name: /Chiara Lindqvist/ }).uncheck();
    await expect(page).toHaveURL(/\?q=ice\+charts$/);

    await page.goBack();
    await expect(page.getByRole('checkbox', { name: /Chiara Lindqvist/ })).toBeChecked();
    await expect(box(page)).toHaveValue('ice charts');
    await page.goBack();
    await expect(box(page)).toHaveValue('delta');
    await expect(status(page)).toHaveText('1 result matches “delta” with the chosen filters.');
    await page.goForward();
    await expect(box(page)).toHaveValue('ice charts');
  });
});

test.describe('landing on a result', () => {
  test('opens the passage on its commentary page with the matched words marked', async ({ page }) => {
    const barges = PASSAGES.halvorsenBarges;
    await searchAt(page, '?q=barge');
    const link = results(page).first().getByRole('link');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith(`${BASE}${barges.path}`)).toBe(true);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/${barges.path}\\?highlight=barges#${barges.anchor}$`));
    const target = page.locator(':target');
    await expect(target).toContainText('grain barges');
    await expect(target.locator('mark')).toHaveText(['barges']);
    await expect(page.locator('mark')).toHaveCount(1);
    await expect(target).toBeInViewport();
  });

  test('marks every matched word of the query in the passage', async ({ page }) => {
    const lock = PASSAGES.halvorsenLock;
    await page.goto(`${lock.path}?highlight=river&highlight=pilots#${lock.anchor}`);
    await expect(page.locator(':target mark')).toHaveText(['river', 'pilots']);
  });
});

test.describe('keyboard', () => {
  test('/ focuses the header box from a reading page; Enter searches; Tab reaches the results in order', async ({
    page,
  }) => {
    await page.goto('analyses/delta-water-accord/');
    await page.keyboard.press('/');
    const header = page.getByRole('searchbox', { name: 'Search the commentaries' });
    await expect(header).toBeFocused();
    await page.keyboard.type('barges');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=barges$/);
    await expect(status(page)).toHaveText(
      '1 result matches “barges”. Then passages tagged with River trade.',
    );

    await page.keyboard.press('/');
    await expect(box(page)).toBeFocused();
    await page.keyboard.press('Tab'); // the Search button
    await page.keyboard.press('Tab'); // the order, one stop for its two choices
    await expect(page.getByRole('radio', { name: 'Most relevant first' })).toBeFocused();
    await page.keyboard.press('Tab');
    const first = results(page).first().getByRole('link');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator(':target mark')).toHaveText(['barges']);
  });

  test('/ does not leave a box the reader is typing in', async ({ page }) => {
    await searchAt(page, '');
    await box(page).click();
    await page.keyboard.type('a/b');
    await expect(box(page)).toHaveValue('a/b');
  });

  test('every result is one link, in the order of the list', async ({ page }) => {
    await searchAt(page, '?q=delta');
    for (const item of await results(page).all()) {
      const more = (await item.getAttribute('data-kind')) === 'more';
      await expect(item.getByRole(more ? 'button' : 'link')).toHaveCount(1);
    }
  });
});

test.describe('hostile queries', () => {
  const payloads = [
    '<img src=x onerror="window.__pwned=1">',
    '"><script>window.__pwned=1</script>',
    '<svg onload="window.__pwned=1">',
  ];

  for (const payload of payloads) {
    test(`${payload} in the URL or typed in the box is shown as text and runs nothing`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await searchAt(page, `?q=${encodeURIComponent(payload)}`);
      await expect(box(page)).toHaveValue(payload);
      await expect(status(page)).toContainText(payload);

      await box(page).fill(`delta ${payload}`);
      await expect(status(page)).toContainText(`delta ${payload}`);
      await page.getByRole('button', { name: 'Search', exact: true }).click();

      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(page.locator('main img, main svg, main script:not([src])')).toHaveCount(0);
      expect(dialogs).toEqual([]);
    });
  }
});

test.describe('on a phone @phone', () => {
  test('the search page and its results fit the screen without sideways scrolling', async ({ page }) => {
    await searchAt(page, '?q=delta&expert=ben-halvorsen');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs it and offers the themes and experts', async ({ page }) => {
    await page.goto('search/?q=salmon');
    await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
    await expect(box(page)).toBeHidden();
    await page.getByRole('link', { name: 'Browse by theme' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Themes');
  });
});

test.describe('accessibility of every state of the search page', () => {
  const states = [
    ['empty', ''],
    ['with results', '?q=delta'],
    ['with no results', '?q=quantum'],
    ['filtered', '?q=delta&expert=ada-okafor&theme=water-sharing'],
    ['browsing by facet', '?theme=fisheries'],
  ] as const;

  for (const [name, query] of states) {
    test(`${name} has no WCAG 2.2 AA violations in light or dark mode`, async ({ page }) => {
      await searchAt(page, query);
      await expectAccessible(page, `the search for ${query}`);
    });
  }
});
