import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BASE } from './env';

/**
 * The expected passages below were found by reading content/commentaries/blinken-china-trip/*.md,
 * not by running the search: each is named by its expert and its opening words.
 */
const PASSAGES = {
  levineBilateral: ['Rosie Levine', 'The U.S.-China bilateral relationship is still marked'],
  levineBiden: ['Rosie Levine', 'President Biden and Chinese leader Xi Jinping'],
  levineDespite: ['Rosie Levine', 'Despite the higher frequency of contact'],
  levineAreas: ['Rosie Levine', 'The areas where the meeting seemed to break ground'],
  freemanMarks: ['Carla Freeman', 'Blinken’s visit marks a U.S. effort'],
  freemanFirst: ['Carla Freeman', 'First, Blinken’s visit made clear'],
  freemanSecond: ['Carla Freeman', 'Second, the visit made clear'],
  freemanInformation: ['Carla Freeman', 'But these also include more diplomatic lines'],
  freemanThird: ['Carla Freeman', 'Third, while Blinken carried a warning'],
  freemanThat: ['Carla Freeman', 'That Blinken offered no grand visions'],
  scobellLimitations: ['Andrew Scobell', 'But the limitations on face-to-face talks'],
} as const;
type Known = keyof typeof PASSAGES;

const results = (page: Page) =>
  page.getByRole('region', { name: 'Results', exact: true }).getByRole('listitem');
const status = (page: Page) => page.getByRole('status');
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search the commentaries' });

/** Opens the search page at a query string and waits until the search has answered. */
async function searchAt(page: Page, query: string) {
  await page.goto(`search/${query}`);
  await expect(status(page)).toHaveText(/match|Type a word/);
}

/**
 * The passage each result stands for, by full text of its passage in the content: the excerpt may
 * start mid-passage, so a result is identified by its expert and by the passage its link leads to.
 */
async function shown(page: Page): Promise<string[]> {
  const items = await results(page).all();
  return Promise.all(
    items.map(async (item) => {
      const text = await item.innerText();
      const href = (await item.getByRole('link').getAttribute('href')) ?? '';
      const known = (Object.keys(PASSAGES) as Known[]).find((key) => {
        const [expert, opening] = PASSAGES[key];
        return text.startsWith(expert) && href.includes(passageAnchor(opening));
      });
      return known ?? `${text.split('\n')[0]} → ${href}`;
    }),
  );
}

/** The permalink anchor of a passage: `p-` and its first six words as a slug (see src/lib/markdown.ts). */
function passageAnchor(opening: string): string {
  const slug = opening
    .split(/\s+/)
    .slice(0, 6)
    .join(' ')
    .toLowerCase()
    .replace(/[’'.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `#p-${slug}`;
}

test.describe('search finds the passages a reader is looking for', () => {
  test('“fentanyl”: the passage that names it first, then the passages tagged with counternarcotics', async ({
    page,
  }) => {
    await searchAt(page, '?q=fentanyl');
    await expect(status(page)).toHaveText('3 passages match “fentanyl”.');
    const found = await shown(page);
    // Only Levine's "Despite the higher frequency…" says "fentanyl"; Levine's "The areas where…"
    // (synthetic opioids) and Freeman's "But these also include…" (illicit drugs and their
    // precursors) speak of it in other words and carry the theme "Fentanyl and counternarcotics".
    expect(found[0]).toBe('levineDespite');
    expect(found.slice(1).sort()).toEqual(['freemanInformation', 'levineAreas']);
    const first = results(page).first();
    await expect(first.locator('mark')).toHaveText(['fentanyl']);
    await expect(first).toContainText('Rosie Levine');
    await expect(first).toContainText('What was expected for Blinken’s visit to Beijing and did it deliver?');
    await expect(first).toContainText('Themes:');
    await expect(first).toContainText('Fentanyl and counternarcotics');
  });

  const known: [string, string, Known[], string][] = [
    ['a stemmed form: “opioid” finds “opioids”', 'opioid', ['levineAreas'], 'opioids'],
    ['another stemmed form: “escalate” finds “escalation”', 'escalate', ['freemanSecond'], 'escalation'],
    ['two names', 'Xi Jinping', ['levineBiden'], 'Xi'],
    ['an expert and a subject', 'Scobell Taiwan', ['scobellLimitations'], 'Taiwan'],
    ['a phrase in quotes', '"managed competition"', ['freemanMarks'], 'managed'],
  ];
  for (const [name, query, expected, marked] of known) {
    test(name, async ({ page }) => {
      await searchAt(page, `?q=${encodeURIComponent(query)}`);
      expect(await shown(page)).toEqual(expected);
      await expect(results(page).first().locator('mark').first()).toHaveText(marked);
    });
  }

  test('a word of two letters is matched whole: “AI” finds AI, not “aimed” or “aims”', async ({ page }) => {
    // Levine's "Despite the higher frequency…" and "The areas where…" say AI; Levine's "The
    // U.S.-China bilateral…" says "aimed" and Freeman's "First, Blinken’s visit…" "aims".
    await searchAt(page, '?q=AI');
    await expect(status(page)).toHaveText('2 passages match “AI”.');
    expect((await shown(page)).sort()).toEqual(['levineAreas', 'levineDespite']);
    for (const item of await results(page).all()) {
      for (const mark of await item.locator('mark').allTextContents()) expect(mark).toBe('AI');
    }
  });

  test('several words: every passage that mentions Taiwan, each expert’s', async ({ page }) => {
    await searchAt(page, '?q=Taiwan');
    expect((await shown(page)).sort()).toEqual(
      ['freemanSecond', 'levineBilateral', 'levineDespite', 'scobellLimitations'].sort(),
    );
    await searchAt(page, `?q=${encodeURIComponent('South China Sea hostilities')}`);
    expect(await shown(page)).toEqual(['levineDespite']);
  });

  test('words said together rank above the same words apart', async ({ page }) => {
    // Scobell: "strengthening security ties with its allies"; Levine's "The areas where…" has
    // "public security" and "people-to-people ties" apart, and more of each.
    await searchAt(page, `?q=${encodeURIComponent('security ties')}`);
    expect(await shown(page)).toEqual(['scobellLimitations', 'levineAreas']);
  });

  test('a match in the question a passage answers ranks it up', async ({ page }) => {
    // Freeman answers “What does Blinken’s visit signal about the U.S. approach to China?”.
    await searchAt(page, `?q=${encodeURIComponent('approach to China')}`);
    const experts = await results(page).locator('.expert').allInnerTexts();
    expect(experts.slice(0, 6)).toEqual(Array(6).fill('Carla Freeman'));
    expect(experts.slice(6)).not.toContain('Carla Freeman');
  });

  test('the same passage is one result, though it is shown on three pages', async ({ page }) => {
    await searchAt(page, `?q=${encodeURIComponent('Counter Narcotics Working Group')}`);
    await expect(status(page)).toHaveText('1 passage matches “Counter Narcotics Working Group”.');
    expect(await shown(page)).toEqual(['levineAreas']);
  });

  test('page chrome is not searchable', async ({ page }) => {
    // The site's name is in the header and the footer of every page, and in no passage.
    await searchAt(page, '?q=Perspectives');
    await expect(status(page)).toHaveText('No passage matches “Perspectives”.');
  });

  for (const query of ['quantum', 'Israel', 'inflation']) {
    test(`says plainly when nothing matches “${query}”, even when a short word starts it`, async ({
      page,
    }) => {
      // "Israel" and "inflation" begin with "is" and "in", which Pagefind alone would match.
      await searchAt(page, `?q=${query}`);
      await expect(status(page)).toHaveText(`No passage matches “${query}”.`);
      await expect(results(page)).toHaveCount(0);
    });
  }

  test('names a word no passage contains and searches the others', async ({ page }) => {
    await searchAt(page, `?q=${encodeURIComponent('opioids Israel')}`);
    await expect(status(page)).toHaveText(
      '1 passage matches “opioids Israel”. No passage mentions “Israel”, so it was left out.',
    );
    expect(await shown(page)).toEqual(['levineAreas']);
  });
});

test.describe('facets', () => {
  test('narrow within a query, widen with another value, and count what each would add', async ({ page }) => {
    await searchAt(page, '?q=Taiwan');
    const facets = page.getByRole('region', { name: 'Narrow the results' });
    const freeman = facets.getByRole('checkbox', { name: /Carla Freeman/ });
    const scobell = facets.getByRole('checkbox', { name: /Andrew Scobell/ });
    await expect(facets.getByRole('checkbox', { name: /Rosie Levine/ })).toHaveAccessibleName(
      'Rosie Levine 2 passages',
    );
    await expect(scobell).toHaveAccessibleName('Andrew Scobell 1 passage');

    await scobell.check();
    await expect(status(page)).toHaveText('1 passage matches “Taiwan” with the chosen filters.');
    expect(await shown(page)).toEqual(['scobellLimitations']);
    await expect(page).toHaveURL(/\?q=Taiwan&expert=andrew-scobell$/);
    // Another expert's count still says what choosing them would add.
    await expect(freeman).toHaveAccessibleName('Carla Freeman 1 passage');

    await freeman.check();
    await expect(status(page)).toHaveText('2 passages match “Taiwan” with the chosen filters.');
    expect((await shown(page)).sort()).toEqual(['freemanSecond', 'scobellLimitations']);

    // Of these two, only Freeman's speaks to military-to-military communication.
    await facets.getByRole('checkbox', { name: /Military-to-military communication/ }).check();
    await expect(status(page)).toHaveText('1 passage matches “Taiwan” with the chosen filters.');
    expect(await shown(page)).toEqual(['freemanSecond']);

    await facets.getByRole('button', { name: 'Clear filters' }).click();
    await expect(status(page)).toHaveText('4 passages match “Taiwan”.');
    await expect(page).toHaveURL(/\?q=Taiwan$/);
  });

  test('browse by facet without a query, in reading order', async ({ page }) => {
    await searchAt(page, '');
    await expect(status(page)).toHaveText(/Type a word/);
    await page.getByRole('checkbox', { name: /Carla Freeman/ }).check();
    await expect(status(page)).toHaveText('6 passages match the chosen filters.');
    const found = await shown(page);
    expect(found).toEqual([
      'freemanMarks',
      'freemanFirst',
      'freemanSecond',
      'freemanInformation',
      'freemanThird',
      'freemanThat',
    ]);
    await expect(results(page).locator('mark')).toHaveCount(0);
  });

  test('shows ten results at first and the rest on request, moving focus to the first new one', async ({
    page,
  }) => {
    await searchAt(page, '?analysis=blinken-china-trip');
    await expect(status(page)).toHaveText('15 passages match the chosen filters.');
    await expect(results(page)).toHaveCount(10);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect(results(page)).toHaveCount(15);
    await expect(results(page).nth(10).getByRole('link')).toBeFocused();
    await expect(page.getByRole('button', { name: 'Show more results' })).toBeHidden();
  });

  test('a facet file that does not belong to the index is refused, not misread', async ({ page }) => {
    // A deploy that mixed two builds: the facet file of one, the index of another.
    await page.route('**/pagefind/facets.*.json', async (route) => {
      const response = await route.fetch();
      const file = (await response.json()) as { checksum: string };
      await route.fulfill({ response, json: { ...file, checksum: `${file.checksum}x` } });
    });
    await searchAt(page, '?q=fentanyl');
    await expect(status(page)).toHaveText('3 passages match “fentanyl”.');
    await page.getByRole('checkbox', { name: /Carla Freeman/ }).check();
    await expect(status(page)).toHaveText(
      'Filtering is unavailable right now: clear the filters to search every passage.',
    );
    await expect(results(page)).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'browse by theme' })).toBeVisible();
    // Without filters, search needs no facet file: it works again, and the notice goes.
    await page.getByRole('checkbox', { name: /Carla Freeman/ }).uncheck();
    await expect(status(page)).toHaveText('3 passages match “fentanyl”.');
    await expect(page.getByRole('link', { name: 'browse by theme' })).toBeHidden();
  });

  test('a filter that leaves nothing says so and can be cleared', async ({ page }) => {
    await searchAt(page, '?q=fentanyl&expert=andrew-scobell');
    await expect(status(page)).toHaveText('No passage matches “fentanyl” with the chosen filters.');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(status(page)).toHaveText('3 passages match “fentanyl”.');
  });
});

test.describe('the URL holds the search', () => {
  test('a shared URL opens the same search, a reload keeps it, and back undoes each step', async ({
    page,
  }) => {
    await searchAt(page, '?q=taiwan&expert=carla-freeman');
    await expect(box(page)).toHaveValue('taiwan');
    await expect(page.getByRole('checkbox', { name: /Carla Freeman/ })).toBeChecked();
    expect(await shown(page)).toEqual(['freemanSecond']);

    await page.reload();
    await expect(status(page)).toHaveText('1 passage matches “taiwan” with the chosen filters.');

    await box(page).fill('information flows');
    await expect(page).toHaveURL(/\?q=information\+flows&expert=carla-freeman$/);
    await expect(status(page)).toHaveText('1 passage matches “information flows” with the chosen filters.');
    await page.getByRole('checkbox', { name: /Carla Freeman/ }).uncheck();
    await expect(page).toHaveURL(/\?q=information\+flows$/);

    await page.goBack();
    await expect(page.getByRole('checkbox', { name: /Carla Freeman/ })).toBeChecked();
    await expect(box(page)).toHaveValue('information flows');
    await page.goBack();
    await expect(box(page)).toHaveValue('taiwan');
    await expect(status(page)).toHaveText('1 passage matches “taiwan” with the chosen filters.');
    await page.goForward();
    await expect(box(page)).toHaveValue('information flows');
  });
});

test.describe('landing on a result', () => {
  test('opens the passage on its commentary page with the matched words marked @root', async ({ page }) => {
    await searchAt(page, '?q=opioid');
    const link = results(page).first().getByRole('link');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith(`${BASE}commentaries/blinken-china-trip/rosie-levine/`)).toBe(true);
    await link.click();
    await expect(page).toHaveURL(
      /\/commentaries\/blinken-china-trip\/rosie-levine\/\?highlight=opioids#p-the-areas/,
    );
    const passage = page.locator(':target');
    await expect(passage).toContainText('synthetic opioids');
    await expect(passage.locator('mark')).toHaveText(['opioids']);
    await expect(page.locator('mark')).toHaveCount(1);
    await expect(passage).toBeInViewport();
  });

  test('marks every matched word of the query in the passage', async ({ page }) => {
    await page.goto(
      'commentaries/blinken-china-trip/andrew-scobell/?highlight=security&highlight=ties#p-but-the-limitations-on-face-to-face-talks',
    );
    await expect(page.locator(':target mark')).toHaveText(['security', 'ties']);
  });
});

test.describe('keyboard', () => {
  test('/ focuses the header box from a reading page; Enter searches; Tab reaches the results in order', async ({
    page,
  }) => {
    await page.goto('analyses/blinken-china-trip/');
    await page.keyboard.press('/');
    const header = page.getByRole('searchbox', { name: 'Search the commentaries' });
    await expect(header).toBeFocused();
    await page.keyboard.type('opioids');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=opioids$/);
    await expect(status(page)).toHaveText('1 passage matches “opioids”.');

    await page.keyboard.press('/');
    await expect(box(page)).toBeFocused();
    await page.keyboard.press('Tab'); // the Search button
    await page.keyboard.press('Tab');
    const first = results(page).first().getByRole('link');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator(':target mark')).toHaveText(['opioids']);
  });

  test('/ does not leave a box the reader is typing in', async ({ page }) => {
    await searchAt(page, '');
    await box(page).click();
    await page.keyboard.type('a/b');
    await expect(box(page)).toHaveValue('a/b');
  });

  test('every result is one link, in the order of the list', async ({ page }) => {
    await searchAt(page, '?q=Taiwan');
    for (const item of await results(page).all()) await expect(item.getByRole('link')).toHaveCount(1);
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

      await box(page).fill(`taiwan ${payload}`);
      await expect(status(page)).toContainText(`taiwan ${payload}`);
      await page.getByRole('button', { name: 'Search', exact: true }).click();

      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(page.locator('main img, main svg, main script:not([src])')).toHaveCount(0);
      expect(dialogs).toEqual([]);
    });
  }
});

test.describe('on a phone @phone', () => {
  test('the search page and its results fit the screen without sideways scrolling', async ({ page }) => {
    await searchAt(page, '?q=taiwan&expert=andrew-scobell');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs it and offers the themes and experts', async ({ page }) => {
    await page.goto('search/?q=fentanyl');
    await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
    await expect(box(page)).toBeHidden();
    await page.getByRole('link', { name: 'Browse by theme' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Themes');
  });
});

test.describe('accessibility of every state of the search page', () => {
  const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const states = [
    ['empty', ''],
    ['with results', '?q=taiwan'],
    ['with no results', '?q=quantum'],
    ['filtered', '?q=taiwan&expert=andrew-scobell&theme=alliances'],
    ['browsing by facet', '?theme=counternarcotics'],
  ] as const;

  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`in ${scheme} mode`, () => {
      test.use({ colorScheme: scheme });
      for (const [name, query] of states) {
        test(`${name} has no WCAG 2.2 AA violations`, async ({ page }) => {
          await searchAt(page, query);
          const report = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
          expect(report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
            [],
          );
        });
      }
    });
  }
});
