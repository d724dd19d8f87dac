import { chromium } from '@playwright/test';
import { createStaticServer, listen } from '/work/h12/scripts/serve.mjs';
const server = createStaticServer({ root: process.argv[2], base: '/' });
const { port } = await listen(server, 0, '127.0.0.1');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', chromiumSandbox: false });
const page = await browser.newPage();
await page.addInitScript(() => {
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.shifts.push({ v: e.value, t: Math.round(e.startTime), s: e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className ?? ''}#${s.node?.id ?? ''} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`) });
  }).observe({ type: 'layout-shift', buffered: true });
});
await page.goto(`http://127.0.0.1:${port}/search/${process.argv[3]}`);
await page.locator('[data-search-status]').filter({ hasText: /match/ }).waitFor();
await page.waitForLoadState('networkidle'); await page.waitForTimeout(300);
console.log(JSON.stringify(await page.evaluate(() => window.shifts), null, 1));
console.log(await page.locator('[data-search-status]').textContent());
await browser.close(); server.close();
