// Pages that must not grow with the archive: the home page (its theme × expert matrix) and the
// theme pages (their expert columns and timeline). Read from a real build's HTML: how many
// experts and analyses each shows, and its weight (gzip), for `npm run test:scale` and the bench.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The experts the home page's matrix has a column for: the distinct `data-expert` of its cells. */
export function matrixExperts(html) {
  return new Set([...html.matchAll(/<td\b[^>]*\bdata-expert="([^"]*)"/g)].map((m) => m[1])).size;
}

/** The expert columns of a theme page: its sections with an `expert-<id>` anchor. */
export function themeColumns(html) {
  return [...html.matchAll(/<section\b[^>]*\bid="expert-[^"]*"/g)].length;
}

/** The analyses a theme page's timeline lists: the links in its "Analyses by month" section. */
export function timelineAnalyses(html) {
  const start = html.indexOf('id="timeline-heading"');
  if (start < 0) return 0;
  const end = html.indexOf('</section>', start);
  const section = html.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/<li\b[^>]*>\s*<a\b[^>]*href="[^"]*\/analyses\/[^"]+\/"/g)].length;
}

/** The gzip weight of a page, in bytes: what a reader downloads. */
export const gzipBytes = (html) => gzipSync(html).length;

/** The home page and each theme page of a built site (`dist`), measured. */
export async function measurePages(dist) {
  const home = await readFile(join(dist, 'index.html'), 'utf8');
  const themes = [];
  for (const entry of await readdir(join(dist, 'themes'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const html = await readFile(join(dist, 'themes', entry.name, 'index.html'), 'utf8');
    themes.push({
      id: entry.name,
      bytes: gzipBytes(html),
      columns: themeColumns(html),
      timeline: timelineAnalyses(html),
    });
  }
  return { home: { bytes: gzipBytes(home), experts: matrixExperts(home) }, themes };
}

/**
 * What breaks the bounds, one line each (none when the pages are bounded): more experts or
 * analyses than the limits, or a page heavier than its budget (gzip bytes).
 */
export function boundsProblems(measured, limits) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const problems = [];
  const { home, themes } = measured;
  if (home.experts > limits.homeExperts)
    problems.push(`The home matrix has ${home.experts} expert columns; at most ${limits.homeExperts}.`);
  if (home.bytes > limits.homeBytes)
    problems.push(`The home page weighs ${kb(home.bytes)} (gzip); the budget is ${kb(limits.homeBytes)}.`);
  for (const t of themes) {
    if (t.columns > limits.themeExperts)
      problems.push(`Theme ${t.id} has ${t.columns} expert columns; at most ${limits.themeExperts}.`);
    if (t.timeline > limits.timelineAnalyses)
      problems.push(
        `Theme ${t.id} lists ${t.timeline} analyses by month; at most ${limits.timelineAnalyses}.`,
      );
    if (t.bytes > limits.themeBytes)
      problems.push(`Theme ${t.id} weighs ${kb(t.bytes)} (gzip); the budget is ${kb(limits.themeBytes)}.`);
  }
  return problems;
}
