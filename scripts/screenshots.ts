// Screenshots of the built site as a reader sees it, for docs/screenshots/ and the README:
// home, analysis, commentary, theme and search pages at 390 px (phone) and 1,280 px (desktop),
// light, and the desktop reading pages in dark mode too. Each is cut at 1,600 px of height and
// stored as a 64-colour palette PNG.
// Usage: npm run build, then npx vite-node scripts/screenshots.ts [--dir dist] [--out docs/screenshots]
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../e2e/env.ts';
import { normalizeBase } from '../src/outputs/hosting.mjs';
import { createStaticServer, listen } from './serve.mjs';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'docs/screenshots' },
  },
});
const base = normalizeBase(process.env.BASE_PATH ?? '/');
const MAX_HEIGHT = 1600;

/** What to photograph: a name and a path under the base; the first analysis, commentary and theme of the build. */
const PAGES: [string, string][] = [
  ['home', ''],
  ['analysis', 'analyses/blinken-china-trip/'],
  ['commentary', 'commentaries/blinken-china-trip/carla-freeman/'],
  ['theme', 'themes/taiwan/'],
  ['search', 'search/?q=fentanyl'],
];
const SHOTS = [
  { width: 390, scheme: 'light' },
  { width: 1280, scheme: 'light' },
  { width: 1280, scheme: 'dark', only: ['analysis', 'commentary'] },
] as const;

/**
 * A palette PNG of 64 colours, a fifth of the size, through sharp (Astro's image library, installed
 * with it); the full PNG where sharp cannot load.
 */
async function smaller(png: Buffer): Promise<Buffer> {
  const sharp = await import('sharp').then((m) => m.default).catch(() => undefined);
  return sharp
    ? sharp(png).png({ palette: true, colours: 64, compressionLevel: 9, effort: 10 }).toBuffer()
    : png;
}

const server = createStaticServer({ root: values.dir, base });
const { port } = (await listen(server, 0)) as AddressInfo;
const executablePath = chromiumPath(() => chromium.executablePath());
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--disable-background-networking'],
});
mkdirSync(values.out, { recursive: true });
try {
  for (const { width, scheme, ...rest } of SHOTS) {
    const only = 'only' in rest ? (rest.only as readonly string[]) : undefined;
    const page = await browser.newPage({
      viewport: { width, height: 900 },
      colorScheme: scheme,
      deviceScaleFactor: 1,
    });
    for (const [name, path] of PAGES) {
      if (only && !only.includes(name)) continue;
      await page.goto(`http://127.0.0.1:${port}${base}${path}`, { waitUntil: 'networkidle' });
      if (name === 'search') await page.getByRole('status').filter({ hasText: /match/ }).waitFor();
      const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.documentElement.scrollHeight));
      const file = join(values.out, `${name}-${width}${scheme === 'dark' ? '-dark' : ''}.png`);
      const png = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width, height } });
      writeFileSync(file, await smaller(png));
      console.log(`${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
