import { chromium } from '@playwright/test';
import { createStaticServer, listen } from '/work/h12/scripts/serve.mjs';
const base = process.argv[4] ?? '/';
const server = createStaticServer({ root: process.argv[2], base });
const { port } = await listen(server, 0, '127.0.0.1');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', chromiumSandbox: false });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}${base}search/`);
const out = await page.evaluate(async ([q, base]) => {
  const pf = await import(`${base}pagefind/pagefind.js`);
  await pf.options({ baseUrl: base, noWorker: true });
  const { results } = await pf.search(q);
  const rows = [];
  for (const r of results) {
    const d = await r.data();
    const words = d.content.split(/[^\S\uFEFF]+/);
    rows.push({ url: d.url, kind: d.meta.kind, score: r.score.toFixed(3), words: r.words.map((l) => words[l]) });
  }
  return rows;
}, [process.argv[3], base]);
console.log(out.map((r) => JSON.stringify(r)).join('\n'));
await browser.close(); server.close();
