// Variants of the search records (`searchDocuments` in src/search/build/records.ts, as the build
// hands them to Pagefind), to measure what another shape of index would cost a first search
// (bench/index-variants.mjs). Each takes and returns `{ url, content }[]`; none is used by the site.

const INTRODUCTION = /^\/analyses\/([^/]+)\/#introduction$/;
const COMMENTARY = /^\/commentaries\/([^/]+)\//;
const head = (content) => /<head>(.*)<\/head>/s.exec(content)?.[1] ?? '';
const body = (content) => /<body>(.*)<\/body>/s.exec(content)?.[1] ?? '';
const page = (headHtml, bodyHtml) =>
  `<!doctype html><html lang="en"><head>${headHtml}</head><body>${bodyHtml}</body></html>`;

/** The records as the site writes them. */
export const same = (records) => records;

/** Without the analyses' introductions: what their records cost. */
export const noIntroductions = (records) => records.filter((r) => !INTRODUCTION.test(r.url));

/**
 * Each analysis's introduction (its `introduction` section) inside the record of the analysis's
 * first commentary, instead of a record of its own: one record fewer per analysis.
 */
export function hostIntroductions(records) {
  const introductions = new Map();
  for (const r of records) {
    const id = INTRODUCTION.exec(r.url)?.[1];
    const section = /<a id="introduction"><\/a><p>.*?<\/p>/s.exec(r.content)?.[0];
    if (id && section) introductions.set(id, section);
  }
  const hosted = new Set();
  return records.flatMap((r) => {
    if (INTRODUCTION.test(r.url)) return [];
    const id = COMMENTARY.exec(r.url)?.[1];
    if (!id || hosted.has(id) || !introductions.has(id)) return [r];
    hosted.add(id);
    return [{ ...r, content: page(head(r.content), body(r.content) + introductions.get(id)) }];
  });
}

/**
 * One record per analysis: its introduction and its commentaries in one document, with every
 * filter value of each (so an expert's count would count analyses, not commentaries).
 */
export function perAnalysis(records) {
  const groups = new Map();
  const rest = [];
  for (const r of records) {
    const id = INTRODUCTION.exec(r.url)?.[1] ?? COMMENTARY.exec(r.url)?.[1];
    if (!id) {
      rest.push(r);
      continue;
    }
    const group = groups.get(id) ?? { head: new Set(), body: [] };
    for (const tag of head(r.content).match(/<meta[^>]*>/g) ?? []) group.head.add(tag);
    group.body.push(body(r.content));
    groups.set(id, group);
  }
  return [
    ...[...groups].map(([id, g]) => ({
      url: `/analyses/${id}/`,
      content: page([...g.head].join(''), g.body.join('')),
    })),
    ...rest,
  ];
}
