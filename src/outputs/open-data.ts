/**
 * The open-data export, in parts so that no file grows with the archive: `data/commentaries.json`
 * is an index (what the export holds, and each part's address and count, like a sitemap index),
 * and `data/commentaries/<n>.json` are parts of at most `OPEN_DATA_PART_SIZE` commentaries each,
 * in reading order (newest analysis first), each with the analyses, experts and themes its
 * commentaries refer to. Every URL is a site path including the base.
 */
import type { Analysis, Commentary, Expert, SiteModel, Theme } from '../model/model.ts';
import { OPEN_DATA_PART_SIZE } from '../model/settings.ts';
import type { paths } from './urls.ts';

type Urls = ReturnType<typeof paths>;

/** The version of the export's format, in the index and in every part; raised on any incompatible change. */
export const OPEN_DATA_FORMAT = 2;

/** The text of a rendered HTML fragment: tags dropped, the few entities markdown writes decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** What one part holds, before it is written: its analyses and commentaries, in reading order. */
export interface PartContent {
  analyses: Analysis[];
  commentaries: Commentary[];
}

/**
 * Splits the archive into parts of at most `size` commentaries, walking the analyses newest first:
 * an analysis is in every part that holds one of its commentaries (so one may be in two), and an
 * analysis without commentaries in the part being filled when it comes. Always at least one part.
 */
export function splitParts(analyses: readonly Analysis[], size: number = OPEN_DATA_PART_SIZE): PartContent[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`a part holds at least one commentary, not ${size}`);
  const parts: PartContent[] = [{ analyses: [], commentaries: [] }];
  for (const analysis of analyses) {
    const placed = (part: PartContent) => {
      if (part.analyses.at(-1) !== analysis) part.analyses.push(analysis);
      return part;
    };
    if (analysis.commentaries.length === 0) placed(parts.at(-1)!);
    for (const commentary of analysis.commentaries) {
      if (parts.at(-1)!.commentaries.length === size) parts.push({ analyses: [], commentaries: [] });
      placed(parts.at(-1)!).commentaries.push(commentary);
    }
  }
  return parts;
}

const analysisData = (a: Analysis, urls: Urls) => ({
  id: a.id,
  title: a.title,
  url: urls.analysis(a.id),
  published: a.published.iso,
  source: a.source,
  /** The editors' takeaways, in their own words; empty when the analysis has none. */
  takeaways: a.takeaways ?? [],
  /** Every commentary of the analysis, including those in a neighbouring part. */
  commentaries: a.commentaries.map((c) => c.id),
  /** The introduction as plain text, a paragraph per line. */
  introduction: a.intro
    .map((b) => (b.kind === 'passage' ? b.text : plainText(b.html)))
    .filter((t) => t !== '')
    .join('\n'),
});

const expertData = (e: Expert, urls: Urls) => ({
  id: e.id,
  name: e.name,
  affiliation: e.affiliation,
  url: urls.expert(e.id),
});

const themeData = (t: Theme, urls: Urls) => ({
  id: t.id,
  title: t.title,
  url: urls.theme(t.id),
  terms: t.terms,
});

const commentaryData = (c: Commentary, urls: Urls) => ({
  id: c.id,
  analysis: c.analysis,
  expert: c.expert,
  question: c.question,
  order: c.order,
  /** The editors' one-sentence bottom line, in their own words; null when the commentary has none. */
  bottomLine: c.bottomLine ?? null,
  url: urls.commentary(c.id),
  themes: c.themes,
  passages: c.passages.map((p) => ({
    id: p.id,
    url: urls.passage(c.id, p.id),
    themes: p.themes,
    text: p.text,
  })),
});

/**
 * Part `n` (from 1) of `parts` as written to `data/commentaries/<n>.json`: where it stands (its
 * number, the index, its neighbours) and its entries. The experts and themes are those its
 * commentaries name, in site order; part 1 also holds those no commentary names, so that every
 * entry of the site is in some part.
 */
export function openDataPart(site: SiteModel, urls: Urls, parts: readonly PartContent[], n: number) {
  const part = parts[n - 1];
  if (!part) throw new RangeError(`there is no part ${n} of ${parts.length}`);
  const named = (ids: Iterable<string>) => new Set(ids);
  const experts = named(part.commentaries.map((c) => c.expert));
  const themes = named(part.commentaries.flatMap((c) => c.themes));
  if (n === 1) {
    const usedExperts = named(site.commentaries.map((c) => c.expert));
    const usedThemes = named(site.commentaries.flatMap((c) => c.themes));
    for (const e of site.experts) if (!usedExperts.has(e.id)) experts.add(e.id);
    for (const t of site.themes) if (!usedThemes.has(t.id)) themes.add(t.id);
  }
  return {
    format: OPEN_DATA_FORMAT,
    part: n,
    parts: parts.length,
    index: urls.data(),
    prev: n > 1 ? urls.dataPart(n - 1) : null,
    next: n < parts.length ? urls.dataPart(n + 1) : null,
    analyses: part.analyses.map((a) => analysisData(a, urls)),
    experts: site.experts.filter((e) => experts.has(e.id)).map((e) => expertData(e, urls)),
    themes: site.themes.filter((t) => themes.has(t.id)).map((t) => themeData(t, urls)),
    commentaries: part.commentaries.map((c) => commentaryData(c, urls)),
  };
}

/** One part of the export as written. */
export type OpenDataPart = ReturnType<typeof openDataPart>;

/** The index written to `data/commentaries.json`: what the export holds and where each part is. */
export function openDataIndex(
  site: SiteModel,
  urls: Urls,
  parts: readonly PartContent[],
  partSize: number = OPEN_DATA_PART_SIZE,
) {
  return {
    format: OPEN_DATA_FORMAT,
    counts: {
      analyses: site.analyses.length,
      experts: site.experts.length,
      themes: site.themes.length,
      commentaries: site.commentaries.length,
    },
    /** The most commentaries a part holds. */
    partSize,
    parts: parts.map((part, i) => ({
      number: i + 1,
      url: urls.dataPart(i + 1),
      commentaries: part.commentaries.length,
    })),
  };
}

/** The index of the export as written. */
export type OpenDataIndex = ReturnType<typeof openDataIndex>;
