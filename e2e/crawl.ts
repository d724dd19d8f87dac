/** Crawls a served site from its home page, following every same-origin link. */
import type { APIRequestContext } from '@playwright/test';

/** Collects the links of an HTML page (href, src and form actions) and the anchor ids it defines. */
function parse(html: string) {
  const hrefs = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&'),
  );
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
  return { hrefs, ids };
}

/** What a crawl found: every URL reached, and every problem as a readable line. */
export interface CrawlResult {
  reached: Set<string>;
  broken: string[];
  outsideBase: string[];
}

/**
 * Visits `origin + base` and every same-origin page it links to, checking that each answers 200
 * and that each `#anchor` exists on its target page. Links must stay under `base`.
 */
export async function crawl(request: APIRequestContext, origin: string, base: string): Promise<CrawlResult> {
  const pages = new Map<string, { status: number; ids: Set<string> }>();
  const queue = [`${origin}${base}`];
  const anchors: { from: string; to: string; hash: string }[] = [];
  const outsideBase: string[] = [];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const response = await request.get(url, { maxRedirects: 0 });
    const type = response.headers()['content-type'] ?? '';
    const { hrefs, ids } = parse(type.includes('text/html') ? await response.text() : '');
    pages.set(url, { status: response.status(), ids });
    if (response.status() !== 200) continue;
    for (const href of hrefs) {
      const target = new URL(href, url);
      if (target.origin !== origin) continue;
      if (!target.pathname.startsWith(base)) outsideBase.push(`${href} on ${url}`);
      const page = target.origin + target.pathname;
      if (target.hash) anchors.push({ from: url, to: page, hash: decodeURIComponent(target.hash.slice(1)) });
      if (!pages.has(page)) queue.push(page);
    }
  }
  const broken: string[] = [];
  for (const [url, info] of pages) if (info.status !== 200) broken.push(`${url} → ${info.status}`);
  for (const { from, to, hash } of anchors) {
    if (!pages.get(to)?.ids.has(hash))
      broken.push(`${from} links to #${hash} on ${to}, which has no such id`);
  }
  return { reached: new Set([...pages.keys()].map((u) => new URL(u).pathname)), broken, outsideBase };
}
