/**
 * Identity is content: a fixture publication with another name, publisher, language, accent and
 * logo (e2e/fixtures/identity/content) is built and served here, and every place a reader or a
 * machine meets the publication must say what its site.yml says, and nothing of the seed content.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import yaml from 'js-yaml';
import { createStaticServer, listen } from '../scripts/serve.mjs';

const CONTENT = 'e2e/fixtures/identity/content';
const DIST = '.build/identity-dist';
const BASE = '/review/';
const PUBLIC = 'https://review.example.org/review/';

/** What the fixture's site.yml says: the expectations come from the file the test wrote. */
const SITE = yaml.load(readFileSync(join(CONTENT, 'site.yml'), 'utf8')) as {
  name: string;
  language: string;
  publisher: { name: string; url: string };
  accent: { light: string; dark: string };
  logo: { file: string; alt: string };
  footer: { text: string; links: { label: string; url: string }[] };
};

/** `#rrggbb` as the browser's computed `rgb(r, g, b)`. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** Every file of the build, as text, by path: to prove no trace of the seed identity remains. */
function builtTexts(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind') walk(path);
      } else if (/\.(html|xml|json|css|bib|ris|txt)$/.test(name))
        out.push([path, readFileSync(path, 'utf8')]);
    }
  };
  walk(DIST);
  return out;
}

let server: Server;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const bin = resolve('node_modules/.bin');
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, ['scripts/build.mjs', '--out', DIST], {
      env: {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
        CONTENT_DIR: CONTENT,
        BASE_PATH: BASE,
        SITE_URL: new URL(PUBLIC).origin,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('close', done);
  });
  expect(code, 'the fixture publication builds').toBe(0);
  server = createStaticServer({ root: DIST, base: BASE });
  // Port 0: the system picks a free one, so parallel runs of the suite never collide.
  const address = (await listen(server, 0)) as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

const at = (path = '') => `${origin}${BASE}${path}`;

test('every page is titled with the publication’s name and set in its language', async ({ page }) => {
  for (const path of [
    '',
    'analyses/harbour-dredging/',
    'commentaries/harbour-dredging/oren-vale/',
    'themes/',
  ]) {
    await page.goto(at(path));
    const title = await page.title();
    expect(title === SITE.name || title.endsWith(` · ${SITE.name}`), `${path}: ${title}`).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('lang', SITE.language);
    await expect(page.getByRole('banner').getByRole('link', { name: new RegExp(SITE.name) })).toBeVisible();
    await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', SITE.name);
  }
  await page.goto(at());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SITE.name);
});

test('no trace of the seed publication’s name is left in any page, feed, citation or data file', () => {
  const seed = (yaml.load(readFileSync('content/site.yml', 'utf8')) as { name: string }).name;
  expect(seed).not.toBe(SITE.name);
  const files = builtTexts();
  expect(files.length).toBeGreaterThan(10);
  expect(files.filter(([, text]) => text.includes(seed)).map(([path]) => path)).toEqual([]);
});

test('the logo is shown in the header, through the image pipeline, with its alt text', async ({ page }) => {
  await page.goto(at());
  const logo = page.getByRole('banner').getByRole('img', { name: SITE.logo.alt });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  // Astro's pipeline names the file by its content hash under _astro/.
  expect(await logo.getAttribute('src')).toMatch(
    new RegExp(`^${BASE}_astro/tidewater-logo\\.[\\w-]+\\.svg$`),
  );
});

for (const scheme of ['light', 'dark'] as const) {
  test(`links take the accent colour of site.yml in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(at('analyses/harbour-dredging/'));
    const link = page.getByRole('main').getByRole('link', { name: 'Mara Quill' }).first();
    await expect(link).toHaveCSS('color', rgb(SITE.accent[scheme]));
  });
}

test('the footer says site.yml’s text and carries its links', async ({ page }) => {
  await page.goto(at('themes/'));
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText(SITE.footer.text);
  for (const { label, url } of SITE.footer.links) {
    await expect(footer.getByRole('link', { name: label })).toHaveAttribute('href', url);
  }
});

test('feeds are titled with the name and authored by the publisher, in the language', async ({ request }) => {
  const feed = await (await request.get(at('feed.xml'))).text();
  expect(feed).toContain(`xml:lang="${SITE.language}"`);
  expect(feed).toContain(`<title>${SITE.name}: analyses</title>`);
  expect(feed).toMatch(
    new RegExp(`<author>\\s*<name>${SITE.publisher.name}</name>\\s*<uri>${SITE.publisher.url}</uri>`),
  );
});

test('an analysis first published here is the publisher’s, in citations and JSON-LD', async ({
  page,
  request,
}) => {
  const bib = await (await request.get(at('analyses/harbour-dredging/citation.bib'))).text();
  expect(bib).toContain(`howpublished = {${SITE.publisher.name}}`);
  const part = await (await request.get(at('commentaries/harbour-dredging/mara-quill/citation.bib'))).text();
  expect(part).toContain(`publisher = {${SITE.publisher.name}}`);

  await page.goto(at('analyses/harbour-dredging/'));
  await expect(page.locator('#cite')).toContainText(`${SITE.publisher.name}, March 2025.`);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  const article = ld['@graph'].find((n: { '@type': string }) => n['@type'] === 'Article');
  expect(article.inLanguage).toBe(SITE.language);
  expect(article.publisher).toMatchObject({
    '@type': 'Organization',
    name: SITE.publisher.name,
    url: SITE.publisher.url,
  });
  // The logo's address is public and absolute; the same file is served by the build.
  const logo = new URL(article.publisher.logo);
  expect(logo.href.startsWith(PUBLIC)).toBe(true);
  const served = await request.get(`${origin}${logo.pathname}`);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toMatch(/svg/);
});
