/**
 * Atom feeds (RFC 4287): a small pure generator, and the site's three kinds of feed built from the
 * model — analyses, one expert's commentaries, and the commentaries that speak to one theme.
 * Dates are the content's own, so two builds of the same content give the same bytes.
 */
import { compareNewestFirst, type PartialDate } from '../util/dates.ts';
import type { Block } from '../content/markdown.ts';
import { escapeHtml, escapeXml } from '../util/escape.ts';
import { analysisThemeIds, type Commentary, type PassageInContext, type SiteModel } from '../model/model.ts';
import { FEED_ENTRIES } from '../model/settings.ts';
import { plural } from '../util/text.ts';
import type { LinkContext } from './urls.ts';

/** A person named in a feed. */
export interface FeedPerson {
  name: string;
  /** Absolute URL of the person's page. */
  uri?: string;
}

/** One entry of a feed. */
export interface FeedEntry {
  /** A permanent, unique IRI. */
  id: string;
  title: string;
  /** Absolute URL of the page the entry stands for. */
  link: string;
  published: PartialDate;
  authors: FeedPerson[];
  summary?: string;
  /** HTML of the full text; escaped into the feed. */
  contentHtml?: string;
  categories?: { term: string; label: string; scheme: string }[];
}

/** A whole feed. */
export interface Feed {
  id: string;
  title: string;
  /** BCP 47 language of the feed's text. */
  language: string;
  subtitle?: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the page the feed follows. */
  alternate: string;
  /** When the feed last changed: its newest entry, or a date the caller chooses for an empty feed. */
  updated: PartialDate;
  authors: FeedPerson[];
  /** Newest first. */
  entries: FeedEntry[];
}

/** Atom needs full timestamps: a month or a year becomes its first day, at midnight UTC. */
export function atomTimestamp(date: PartialDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}T00:00:00Z`;
}

function person(tag: string, p: FeedPerson, indent: string): string {
  const uri = p.uri ? `<uri>${escapeXml(p.uri)}</uri>` : '';
  return `${indent}<${tag}><name>${escapeXml(p.name)}</name>${uri}</${tag}>\n`;
}

function entryXml(entry: FeedEntry): string {
  const at = atomTimestamp(entry.published);
  let xml = '  <entry>\n';
  xml += `    <id>${escapeXml(entry.id)}</id>\n`;
  xml += `    <title>${escapeXml(entry.title)}</title>\n`;
  xml += `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>\n`;
  xml += `    <published>${at}</published>\n`;
  xml += `    <updated>${at}</updated>\n`;
  for (const author of entry.authors) xml += person('author', author, '    ');
  for (const c of entry.categories ?? []) {
    xml += `    <category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}" scheme="${escapeXml(c.scheme)}"/>\n`;
  }
  if (entry.summary) xml += `    <summary>${escapeXml(entry.summary)}</summary>\n`;
  if (entry.contentHtml) xml += `    <content type="html">${escapeXml(entry.contentHtml)}</content>\n`;
  return `${xml}  </entry>\n`;
}

/** Serializes a feed as an Atom 1.0 document. */
export function atomFeed(feed: Feed): string {
  let xml = '<?xml version="1.0" encoding="utf-8"?>\n';
  xml += `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">\n`;
  xml += `  <id>${escapeXml(feed.id)}</id>\n`;
  xml += `  <title>${escapeXml(feed.title)}</title>\n`;
  if (feed.subtitle) xml += `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>\n`;
  xml += `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>\n`;
  xml += `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>\n`;
  xml += `  <updated>${atomTimestamp(feed.updated)}</updated>\n`;
  for (const author of feed.authors) xml += person('author', author, '  ');
  for (const entry of feed.entries) xml += entryXml(entry);
  return `${xml}</feed>\n`;
}

/** URL builders, the absolute-URL function and the site's name: what every feed needs. */
export type FeedContext = LinkContext;

const html = (blocks: readonly Block[]) => blocks.map((b) => b.html).join('\n');

/** A commentary's bottom line as the first paragraph of its feed entry, labelled as the editors'; nothing without one. */
function bottomLineHtml(commentary: Commentary): string {
  return commentary.bottomLine
    ? `<p><strong>Editors’ bottom line:</strong> ${escapeHtml(commentary.bottomLine)}</p>\n`
    : '';
}

/** An analysis's takeaways as a list under their own heading, labelled as the editors'; nothing without them. */
function takeawaysHtml(takeaways: readonly string[] | undefined): string {
  if (!takeaways?.length) return '';
  const items = takeaways.map((t) => `<li>${escapeHtml(t)}</li>`).join('\n');
  return `<h2>Takeaways</h2>\n<p>The editors’ summary, in our own words.</p>\n<ul>\n${items}\n</ul>\n`;
}

/** The newest of some dates; `fallback` when there are none. */
function newest(dates: readonly PartialDate[], fallback: PartialDate): PartialDate {
  return [...dates].sort(compareNewestFirst)[0] ?? fallback;
}

/** The date an empty feed reports: the site's newest analysis (builds stay reproducible). */
function siteUpdated(site: SiteModel): PartialDate {
  return site.analyses[0]?.published ?? { year: 1970, iso: '1970' };
}

/** The publication's publisher, the author of the feeds that gather several experts. */
const publisherPerson = (ctx: FeedContext): FeedPerson => ({
  name: ctx.publisher.name,
  uri: ctx.publisher.url,
});

function expertPerson(site: SiteModel, ctx: FeedContext, expertId: string): FeedPerson {
  return { name: site.expert(expertId).name, uri: ctx.absolute(ctx.urls.expert(expertId)) };
}

function themeCategories(site: SiteModel, ctx: FeedContext, themeIds: readonly string[]) {
  return themeIds.map((id) => ({
    term: id,
    label: site.theme(id).title,
    scheme: ctx.absolute(ctx.urls.themes()),
  }));
}

/** The site feed: the newest `limit` analyses, by all their experts, with introduction and questions. */
export function analysesFeed(site: SiteModel, ctx: FeedContext, limit = FEED_ENTRIES): Feed {
  const { urls, absolute } = ctx;
  const entries = site.analyses.slice(0, limit).map((analysis): FeedEntry => {
    const questions = analysis.commentaries
      .map(
        (c) =>
          `<li><a href="${escapeHtml(absolute(urls.commentary(c.id)))}">${escapeHtml(c.question)}</a> — ${escapeHtml(site.expert(c.expert).name)}${c.bottomLine ? `<br>Editors’ bottom line: ${escapeHtml(c.bottomLine)}` : ''}</li>`,
      )
      .join('\n');
    return {
      id: absolute(urls.analysis(analysis.id)),
      title: analysis.title,
      link: absolute(urls.analysis(analysis.id)),
      published: analysis.published,
      authors: analysis.commentaries.map((c) => expertPerson(site, ctx, c.expert)),
      summary: analysis.dek,
      contentHtml: `${takeawaysHtml(analysis.takeaways)}${html(analysis.intro)}\n<ol>\n${questions}\n</ol>`,
      categories: themeCategories(site, ctx, analysisThemeIds(analysis)),
    };
  });
  return {
    id: absolute(urls.feed()),
    language: ctx.language,
    title: `${ctx.siteName}: analyses`,
    subtitle: 'New analyses, each with its experts’ commentaries.',
    self: absolute(urls.feed()),
    alternate: absolute(urls.home()),
    updated: newest(
      entries.map((e) => e.published),
      siteUpdated(site),
    ),
    authors: [publisherPerson(ctx)],
    entries,
  };
}

/** Where a commentary appeared, for the end of its feed entry. */
function provenance(site: SiteModel, ctx: FeedContext, commentary: Commentary): string {
  const analysis = site.analysis(commentary.analysis);
  const link = escapeHtml(ctx.absolute(ctx.urls.analysis(analysis.id)));
  const elsewhere = analysis.source ? `, first published by ${escapeHtml(analysis.source.name)}` : '';
  return `<p>From <a href="${link}">${escapeHtml(analysis.title)}</a>${elsewhere}.</p>`;
}

const feedOrders = new WeakMap<object, Map<string, number>>();

/**
 * Each analysis's place in a theme feed: newest first, then by id. Sorted once per model rather
 * than compared afresh in every theme feed's sort, which at 10,000 commentaries orders thousands.
 */
export function feedOrder(site: Pick<SiteModel, 'analyses'>): ReadonlyMap<string, number> {
  let places = feedOrders.get(site.analyses);
  if (!places) {
    const sorted = [...site.analyses].sort(
      (a, b) => compareNewestFirst(a.published, b.published) || a.id.localeCompare(b.id),
    );
    places = new Map(sorted.map((analysis, i) => [analysis.id, i]));
    feedOrders.set(site.analyses, places);
  }
  return places;
}

/** One expert's feed: their newest `limit` commentaries, in full. */
export function expertFeed(site: SiteModel, ctx: FeedContext, expertId: string, limit = FEED_ENTRIES): Feed {
  const { urls, absolute } = ctx;
  const expert = site.expert(expertId);
  const entries = site
    .commentariesBy(expertId)
    .slice(0, limit)
    .map((c): FeedEntry => {
      const analysis = site.analysis(c.analysis);
      return {
        id: absolute(urls.commentary(c.id)),
        title: c.question,
        link: absolute(urls.commentary(c.id)),
        published: analysis.published,
        authors: [expertPerson(site, ctx, expertId)],
        summary: c.bottomLine ?? `${expert.name} answers in “${analysis.title}”.`,
        contentHtml: `${bottomLineHtml(c)}${html(c.blocks)}\n${provenance(site, ctx, c)}`,
        categories: themeCategories(site, ctx, c.themes),
      };
    });
  return {
    id: absolute(urls.expertFeed(expertId)),
    language: ctx.language,
    title: `${ctx.siteName}: ${expert.name}`,
    subtitle: `Commentaries by ${expert.name}, ${expert.affiliation}.`,
    self: absolute(urls.expertFeed(expertId)),
    alternate: absolute(urls.expert(expertId)),
    updated: newest(
      entries.map((e) => e.published),
      siteUpdated(site),
    ),
    authors: [expertPerson(site, ctx, expertId)],
    entries,
  };
}

/**
 * One theme's feed: an entry per commentary that speaks to the theme (the newest `limit`), holding only its passages on
 * the theme, each linked to its permalink. One entry per commentary rather than per passage, so
 * that a subscriber hears once about a new commentary, with its passages together in context.
 */
export function themeFeed(site: SiteModel, ctx: FeedContext, themeId: string, limit = FEED_ENTRIES): Feed {
  const { urls, absolute } = ctx;
  const theme = site.theme(themeId);
  const byCommentary = new Map<string, PassageInContext[]>();
  for (const column of site.columnsFor(themeId)) {
    for (const item of column.passages) {
      const group = byCommentary.get(item.commentary.id);
      if (group) group.push(item);
      else byCommentary.set(item.commentary.id, [item]);
    }
  }
  const place = feedOrder(site);
  const groups = [...byCommentary.values()].sort((a, b) => {
    const [x, y] = [a[0]!.commentary, b[0]!.commentary];
    return place.get(x.analysis)! - place.get(y.analysis)! || x.order - y.order;
  });
  const entries = groups.slice(0, limit).map((passages): FeedEntry => {
    const c = passages[0]!.commentary;
    const expert = site.expert(c.expert);
    const quotes = passages
      .map(({ passage }) => {
        const link = escapeHtml(absolute(urls.passage(c.id, passage.id)));
        return `<blockquote cite="${link}">\n${passage.html}\n</blockquote>\n<p><a href="${link}">Read in context</a></p>`;
      })
      .join('\n');
    return {
      id: `${absolute(urls.commentary(c.id))}#theme-${themeId}`,
      title: `${expert.name}: ${c.question}`,
      link: absolute(urls.passage(c.id, passages[0]!.passage.id)),
      published: site.analysis(c.analysis).published,
      authors: [expertPerson(site, ctx, c.expert)],
      summary: `${expert.name} on ${theme.title}: ${plural(passages.length, 'passage')}.`,
      contentHtml: `${bottomLineHtml(c)}${quotes}\n${provenance(site, ctx, c)}`,
    };
  });
  return {
    id: absolute(urls.themeFeed(themeId)),
    language: ctx.language,
    title: `${ctx.siteName}: ${theme.title}`,
    subtitle: theme.description,
    self: absolute(urls.themeFeed(themeId)),
    alternate: absolute(urls.theme(themeId)),
    updated: newest(
      entries.map((e) => e.published),
      siteUpdated(site),
    ),
    authors: [publisherPerson(ctx)],
    entries,
  };
}
