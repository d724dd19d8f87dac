import type { Page } from '@playwright/test';

/**
 * Every page ships a Content-Security-Policy meta tag that allows only the site's own scripts and
 * styles (plus 'wasm-unsafe-eval' for Pagefind). Nothing may break under it: the browser reports
 * any blocked script, style, worker, fetch or WebAssembly compilation as a violation.
 */
export async function watch(page: Page) {
  const problems: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`,
      ),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/404/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  return problems;
}
