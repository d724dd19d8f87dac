// Pages and files that must not grow with the archive: the home page (its theme × expert matrix),
// the theme pages (their expert columns and timeline), every page of the paginated lists (an
// expert's commentaries, an expert's passages on a theme, the experts index) and the open-data
// files. Read from a real build: how many items each shows, and its weight, for
// `npm run test:scale` and the bench.
import { readFile, readdir, stat } from 'node:fs/promises';
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

/** The part of a page from an element with `id` to the end of its section (or the page). */
function sectionFrom(html, id) {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const end = html.indexOf('</section>', start);
  return html.slice(start, end < 0 ? undefined : end);
}

/** The commentaries an expert's page lists: the commentary links of its "Commentaries" section. */
export function expertCommentaries(html) {
  return [
    ...sectionFrom(html, 'commentaries-heading').matchAll(/<a\b[^>]*href="[^"]*\/commentaries\/[^"#]+\/"/g),
  ].length;
}

/** The passages a page quotes (an expert's page on a theme): its blockquotes. */
export const quotedPassages = (html) => [...html.matchAll(/<blockquote\b/g)].length;

/** The experts a page of the experts index lists: the items of its list of experts. */
export function indexedExperts(html) {
  const start = html.search(/<ul\b[^>]*class="experts[" ]/);
  if (start < 0) return 0;
  const list = html.slice(start, html.indexOf('</ul>', start));
  return [...list.matchAll(/<li\b/g)].length;
}

/** The commentaries an open-data file holds (the index holds none, only counts). */
export const dataCommentaries = (json) => (Array.isArray(json.commentaries) ? json.commentaries.length : 0);

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
  return {
    home: { bytes: gzipBytes(home), experts: matrixExperts(home) },
    themes,
    ...(await measureLists(dist)),
  };
}

/** Every `index.html` under `dir` (of a built site), as paths relative to `dist`. */
async function pagesUnder(dist, dir) {
  const entries = await readdir(join(dist, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dist.length + 1))
    .sort();
}

/**
 * The pages of the paginated lists and the open-data files of a built site, each with what it
 * holds and its weight (gzip for pages, bytes on disk for data files).
 */
export async function measureLists(dist) {
  const measure = async (dir, count, filter = () => true) => {
    const pages = [];
    for (const path of (await pagesUnder(dist, dir)).filter(filter)) {
      const html = await readFile(join(dist, path), 'utf8');
      pages.push({ path, bytes: gzipBytes(html), items: count(html) });
    }
    return pages;
  };
  // experts/<id>/ and experts/<id>/page/<n>/; the index is experts/ and experts/page/<n>/.
  const parts = (path) => path.split(/[\\/]/);
  const expertPages = await measure(
    'experts',
    expertCommentaries,
    (p) => parts(p)[1] !== 'page' && parts(p).length > 2,
  );
  const expertsIndex = await measure(
    'experts',
    indexedExperts,
    (p) => parts(p).length === 2 || parts(p)[1] === 'page',
  );
  // themes/<theme>/<expert>/ and their later pages; the theme pages are themes/<theme>/.
  const themeExpertPages = await measure('themes', quotedPassages, (p) => parts(p).length > 3);
  const data = [];
  const files = [
    'data/commentaries.json',
    ...(await readdir(join(dist, 'data', 'commentaries')).catch(() => [])).map(
      (f) => `data/commentaries/${f}`,
    ),
  ];
  for (const path of files) {
    const text = await readFile(join(dist, path), 'utf8');
    data.push({
      path,
      bytes: (await stat(join(dist, path))).size,
      items: dataCommentaries(JSON.parse(text)),
    });
  }
  return { expertPages, expertsIndex, themeExpertPages, data };
}

/** The entry of a list with the most items (ties: the heaviest), or undefined for an empty list. */
export const largest = (list) => [...list].sort((a, b) => b.items - a.items || b.bytes - a.bytes)[0];

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
  const lists = [
    ['expertPages', 'expertCommentaries', 'expertBytes', 'commentaries', 'gzip'],
    ['themeExpertPages', 'themeExpertPassages', 'themeExpertBytes', 'passages', 'gzip'],
    ['expertsIndex', 'indexExperts', 'indexBytes', 'experts', 'gzip'],
    ['data', 'dataCommentaries', 'dataBytes', 'commentaries', 'on disk'],
  ];
  for (const [key, itemsLimit, bytesLimit, what, weight] of lists) {
    for (const page of measured[key] ?? []) {
      if (page.items > limits[itemsLimit])
        problems.push(`${page.path} holds ${page.items} ${what}; at most ${limits[itemsLimit]}.`);
      if (page.bytes > limits[bytesLimit])
        problems.push(
          `${page.path} weighs ${kb(page.bytes)} (${weight}); the budget is ${kb(limits[bytesLimit])}.`,
        );
    }
  }
  return problems;
}
