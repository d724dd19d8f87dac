import { expect, test, type Page } from '@playwright/test';
import { BASE, ORIGIN, PUBLIC } from './env.ts';
import { analysis, commentariesOf, expert } from './fixture.ts';
import { FIXTURE_IMAGES } from './fixture-images.mjs';
import { watch } from './live/watch.ts';
import { expectAccessible, layoutShift } from './checks.ts';

/**
 * Expert profiles and images on the fixture content (e2e/README.md): an expert with every profile
 * field (Ada Okafor: role, portrait, bio, links), one with a role and one link (Ben Halvorsen), one
 * with none (Chiara Lindqvist, as the seed experts are); an analysis with a lead image (the Delta
 * Water Accord, its file drawn by e2e/fixture-images.mjs) and one with a caption only, as the seed's.
 */
const FULL = expert('ada-okafor');
const SOME = expert('ben-halvorsen');
const BARE = expert('chiara-lindqvist');
const LEAD = analysis('delta-water-accord');
const CAPTION_ONLY = analysis('northern-fisheries-pact');

/** The size of a fixture image as drawn, from the generator's own table (not from the build). */
const drawn = (file: string) => FIXTURE_IMAGES[file as keyof typeof FIXTURE_IMAGES];

/** The served address of a public URL of the test build. */
const served = (url: string) => `${ORIGIN}${BASE}${url.slice(PUBLIC.length)}`;

/** The ProfilePage's Person of an expert page. */
async function person(page: Page): Promise<Record<string, unknown>> {
  const json = await page.locator('script[type="application/ld+json"]').textContent();
  const graph = (JSON.parse(json ?? '{}') as { '@graph': Record<string, unknown>[] })['@graph'];
  return graph.find((node) => node['@type'] === 'ProfilePage')?.mainEntity as Record<string, unknown>;
}

/** Every candidate URL of a srcset, with its descriptor. */
const candidates = (srcset: string | null) =>
  (srcset ?? '')
    .split(',')
    .map((c) => c.trim().split(/\s+/))
    .map(([url, descriptor]) => ({ url: url ?? '', descriptor: descriptor ?? '' }));

test.describe('an expert’s profile', () => {
  test('shows the portrait, role, bio and links, then the themes and the commentaries', async ({ page }) => {
    const portrait = FULL.portrait!;
    await page.goto(`experts/${FULL.id}/`);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(FULL.name);
    await expect(main.getByText(`${FULL.role}, ${FULL.affiliation}`)).toBeVisible();

    const img = main.getByRole('img', { name: portrait.alt });
    await expect(img).toBeVisible();
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    await expect(img).toHaveAttribute('loading', 'eager');
    expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
    expect(await img.getAttribute('height')).toBe(await img.getAttribute('width')); // square
    // A srcset of widths, with modern formats offered first.
    expect(candidates(await img.getAttribute('srcset')).map((c) => c.descriptor)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+w$/)]),
    );
    const types = await main
      .locator('picture source')
      .evaluateAll((s) => s.map((e) => e.getAttribute('type')));
    expect(types).toEqual(['image/avif', 'image/webp']);
    await expect(main.getByText(`Portrait: ${portrait.credit}`)).toBeVisible();

    // The bio is the expert file's body, rendered as markdown: its emphasis and its link.
    const [bio] = FULL.bio;
    const firstSentence = bio!.split('. ')[0]!;
    await expect(main.getByText(firstSentence)).toBeVisible();
    const [, linkText, linkUrl] = /\[([^\]]+)\]\(([^)]+)\)/.exec(bio!)!;
    await expect(main.getByRole('link', { name: linkText, exact: true })).toHaveAttribute('href', linkUrl!);
    const [, emphasis] = /\*([^*]+)\*/.exec(bio!)!;
    await expect(main.locator('em', { hasText: emphasis! })).toBeVisible();

    const links = main.getByRole('list', { name: `${FULL.name} elsewhere` });
    const hrefs = await links.getByRole('link').evaluateAll((a) => a.map((e) => e.getAttribute('href')));
    expect(hrefs).toEqual([FULL.links!.orcid, FULL.links!.institution, ...FULL.links!.social!]);
    await expect(links.getByRole('link', { name: /^ORCID 0000-0002-1825-0097$/ })).toBeVisible();

    // Themes they speak to before their commentaries, as the issue orders a profile.
    const headings = await main.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.indexOf('Themes')).toBeLessThan(headings.indexOf('Commentaries'));
    expect(headings.indexOf('Themes')).toBeGreaterThanOrEqual(0);
  });

  test('an expert with none of the profile fields reads as before: no empty portrait, bio or links', async ({
    page,
  }) => {
    await page.goto(`experts/${BARE.id}/`);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(BARE.name);
    await expect(main.locator('.profile .meta')).toHaveText(BARE.affiliation);
    await expect(main.getByRole('img')).toHaveCount(0);
    await expect(main.locator('.bio')).toHaveCount(0);
    await expect(main.getByRole('list', { name: /elsewhere$/ })).toHaveCount(0);
    await expect(main).not.toContainText(/undefined|null|Portrait:/);
    const ld = await person(page);
    for (const key of ['jobTitle', 'description', 'image', 'sameAs']) expect(ld).not.toHaveProperty(key);
  });

  test('an expert with a role and one link only shows just those', async ({ page }) => {
    await page.goto(`experts/${SOME.id}/`);
    const main = page.getByRole('main');
    await expect(main.getByText(`${SOME.role}, ${SOME.affiliation}`)).toBeVisible();
    await expect(main.getByRole('img')).toHaveCount(0);
    const links = main.getByRole('list', { name: `${SOME.name} elsewhere` }).getByRole('link');
    await expect(links).toHaveCount(1);
    await expect(links).toHaveAttribute('href', SOME.links!.institution!);
    await expect(links).toHaveText(`Profile at ${SOME.affiliation}`);
  });

  test('the JSON-LD Person carries jobTitle, description, image and sameAs', async ({ page, request }) => {
    await page.goto(`experts/${FULL.id}/`);
    const ld = await person(page);
    expect(ld.jobTitle).toBe(FULL.role);
    expect(ld.description).toMatch(new RegExp(`^${FULL.bio[0]!.split('. ')[0]!}`));
    expect(ld.description).not.toMatch(/[*[\]]/); // plain text, no markdown
    expect(ld.sameAs).toEqual([FULL.links!.orcid, FULL.links!.institution, ...FULL.links!.social!]);
    const image = String(ld.image);
    expect(image.startsWith(`${PUBLIC}_astro/`)).toBe(true);
    const response = await request.get(served(image));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\//);
  });

  test('the list of experts shows portraits lazily, as decoration beside the name', async ({ page }) => {
    await page.goto('experts/');
    const item = page.getByRole('listitem').filter({ hasText: FULL.name });
    const img = item.locator('img');
    await expect(img).toHaveAttribute('loading', 'lazy');
    await expect(img).toHaveAttribute('alt', '');
    expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
    await expect(page.getByRole('listitem').filter({ hasText: BARE.name }).locator('img')).toHaveCount(0);
  });
});

test.describe('an analysis’s lead image', () => {
  test('is shown above the fold through the image pipeline: srcset, modern formats, width and height, eager', async ({
    page,
    request,
  }) => {
    const photo = LEAD.photo!;
    const size = drawn(photo.file!);
    await page.goto(`analyses/${LEAD.id}/`);
    const img = page.getByRole('main').getByRole('img', { name: photo.alt });
    await expect(img).toBeVisible();
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    await expect(img).toHaveAttribute('width', String(size.width));
    await expect(img).toHaveAttribute('height', String(size.height));
    await expect(img).toHaveAttribute('loading', 'eager');
    await expect(img).toHaveAttribute('fetchpriority', 'high');
    // Shown at the image's own proportions, so the space it takes is known before it loads.
    const box = (await img.boundingBox())!;
    expect(Math.abs(box.height - (box.width * size.height) / size.width)).toBeLessThan(1.5);
    const srcset = candidates(await img.getAttribute('srcset'));
    expect(srcset.length).toBeGreaterThan(1);
    for (const { url, descriptor } of srcset) {
      expect(descriptor).toMatch(/^\d+w$/);
      expect(Number(descriptor.slice(0, -1))).toBeLessThanOrEqual(size.width);
      expect((await request.get(`${ORIGIN}${url}`)).status(), url).toBe(200);
    }
    const picture = img.locator('xpath=..');
    const types = await picture.locator('source').evaluateAll((s) => s.map((e) => e.getAttribute('type')));
    expect(types).toEqual(['image/avif', 'image/webp']);
    await expect(page.getByRole('figure')).toContainText(`Photo: ${photo.caption} (${photo.credit})`);
    expect(await layoutShift(page)).toBe(0);
  });

  test('a caption and credit without a file read as before: no image', async ({ page }) => {
    await page.goto(`analyses/${CAPTION_ONLY.id}/`);
    const figure = page.getByRole('figure');
    await expect(figure).toContainText(
      `Photo: ${CAPTION_ONLY.photo!.caption} (${CAPTION_ONLY.photo!.credit})`,
    );
    await expect(figure.locator('img')).toHaveCount(0);
  });

  test('link previews show it: og:image and twitter:image, absolute and served, with its alt text', async ({
    page,
    request,
  }) => {
    await page.goto(`analyses/${LEAD.id}/`);
    const meta = (selector: string) => page.locator(selector).getAttribute('content');
    const image = (await meta('meta[property="og:image"]'))!;
    expect(image.startsWith(`${PUBLIC}_astro/`)).toBe(true);
    expect(await meta('meta[name="twitter:image"]')).toBe(image);
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[property="og:image:alt"]')).toBe(LEAD.photo!.alt);
    const response = await request.get(served(image));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe(await meta('meta[property="og:image:type"]'));
    const width = Number(await meta('meta[property="og:image:width"]'));
    const height = Number(await meta('meta[property="og:image:height"]'));
    expect(width).toBeLessThanOrEqual(drawn(LEAD.photo!.file!).width);
    const { width: w, height: h } = drawn(LEAD.photo!.file!);
    expect(Math.abs(height - (width * h) / w)).toBeLessThan(1);

    await page.goto(`analyses/${CAPTION_ONLY.id}/`);
    await expect(page.locator('meta[property="og:image"]')).toHaveCount(0);
    expect(await meta('meta[name="twitter:card"]')).toBe('summary');
  });

  test('a commentary’s link preview shows its analysis’s lead image; without one, none', async ({ page }) => {
    await page.goto(`analyses/${LEAD.id}/`);
    const lead = await page.locator('meta[property="og:image"]').getAttribute('content');
    const [first] = commentariesOf(LEAD.id);
    await page.goto(first!.path);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', lead!);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await page.goto(commentariesOf(CAPTION_ONLY.id)[0]!.path);
    await expect(page.locator('meta[property="og:image"]')).toHaveCount(0);
  });
});

for (const path of [`experts/${FULL.id}/`, 'experts/', `analyses/${LEAD.id}/`]) {
  test(`${path}: accessible in light and dark mode, nothing blocked by the CSP`, async ({ page }) => {
    const problems = await watch(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, path);
    expect(problems).toEqual([]);
  });
}
