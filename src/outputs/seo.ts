/**
 * What a page tells search engines and link previews: Open Graph extras, Google Scholar tags,
 * feeds to follow, and schema.org JSON-LD (an `Article` with every author as a `Person` linked to
 * the expert's page, and a `BreadcrumbList`). Pure: pages pass the result to the layout.
 */
import { citeAnalysis, citeCommentary, scholarMeta, type CitedWork } from './citation.ts';
import {
  analysisThemeIds,
  type Analysis,
  type Commentary,
  type Expert,
  type SiteModel,
  type Theme,
} from '../model/model.ts';
import { isWebUrl } from '../util/safe-url.ts';
import type { LinkContext } from './urls.ts';

/** A `<meta>` element: `name` for Scholar and Twitter, `property` for Open Graph. */
export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

/** A feed offered as `<link rel="alternate" type="application/atom+xml">`. */
export interface FeedLink {
  title: string;
  /** Absolute URL. */
  href: string;
}

/** A page's sharing and search metadata beyond its title, description and canonical URL. */
export interface PageHead {
  /** Open Graph type. */
  type: 'website' | 'article' | 'profile';
  meta: MetaTag[];
  /** Feeds of this page, besides the site's analyses feed, which every page offers. */
  feeds: FeedLink[];
  /** A schema.org graph. */
  jsonLd?: Record<string, unknown>;
  /** The image link previews show (og:image, twitter:image), if the page has one. */
  image?: ShareImage;
}

/** An image for link previews: a JPEG made from the content's image, its URL absolute. */
export interface ShareImage {
  url: string;
  alt: string;
  width: number;
  height: number;
  type: string;
}

/** A page's head with its link-preview image (the image's Open Graph and Twitter tags follow from it). */
export function withShareImage(head: PageHead, image: ShareImage | undefined): PageHead {
  return image ? { ...head, image } : head;
}

/** The Open Graph and Twitter tags of a page's link-preview image: none without one. */
export function shareImageMeta(image: ShareImage | undefined): MetaTag[] {
  if (!image) return [];
  return [
    { property: 'og:image', content: image.url },
    { property: 'og:image:type', content: image.type },
    { property: 'og:image:width', content: String(image.width) },
    { property: 'og:image:height', content: String(image.height) },
    { property: 'og:image:alt', content: image.alt },
    { name: 'twitter:image', content: image.url },
    { name: 'twitter:image:alt', content: image.alt },
  ];
}

/** The Twitter card: a large image when the page has an image to show, else the text summary. */
export function twitterCard(head: Pick<PageHead, 'image'>): 'summary' | 'summary_large_image' {
  return head.image ? 'summary_large_image' : 'summary';
}

/**
 * Serializes JSON-LD for a `<script type="application/ld+json">`: `<`, `>` and `&` become JSON
 * escapes, so no text in the content can close the script element or open a comment.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A schema.org `BreadcrumbList` from the home page down to the current page, URLs absolute. */
export function breadcrumbList(crumbs: readonly { name: string; url: string }[]) {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

const graph = (...nodes: Record<string, unknown>[]) => ({
  '@context': 'https://schema.org',
  '@graph': nodes,
});

/** An expert as a schema.org `Person`, linked to their page on this site. */
export function personLd(expert: Expert, links: LinkContext) {
  const url = links.absolute(links.urls.expert(expert.id));
  return {
    '@type': 'Person',
    '@id': `${url}#person`,
    name: expert.name,
    givenName: expert.givenName,
    familyName: expert.familyName,
    url,
    affiliation: { '@type': 'Organization', name: expert.affiliation },
  };
}

/** The profile links of an expert, each with the words a reader sees: ORCID, their institution's page, other profiles. */
export function profileLinks(
  expert: Pick<Expert, 'links' | 'affiliation'>,
): { label: string; href: string }[] {
  const { orcid, institution, social = [] } = expert.links ?? {};
  const host = (url: string) => new URL(url).hostname.replace(/^www\./, '');
  return [
    ...(orcid ? [{ label: `ORCID ${orcid.replace(/^https:\/\/orcid\.org\//, '')}`, href: orcid }] : []),
    ...(institution ? [{ label: `Profile at ${expert.affiliation}`, href: institution }] : []),
    ...social.map((url) => ({ label: host(url), href: url })),
  ].filter((link) => isWebUrl(link.href));
}

/** An expert's bio as plain text, for the JSON-LD `description`: its passages' words, or nothing. */
export function bioText(expert: Pick<Expert, 'bio'>): string | undefined {
  const text = (expert.bio ?? []).flatMap((b) => (b.kind === 'passage' ? [b.text] : [])).join(' ');
  return text === '' ? undefined : text;
}

/**
 * An expert as the main entity of their profile page: the `Person` with what the profile shows,
 * each only when the content has it: `jobTitle`, `description`, `image` (absolute) and `sameAs`.
 */
export function profileLd(expert: Expert, links: LinkContext, image?: string) {
  const description = bioText(expert);
  const sameAs = profileLinks(expert).map((link) => link.href);
  return {
    ...personLd(expert, links),
    ...(expert.role ? { jobTitle: expert.role } : {}),
    ...(description ? { description } : {}),
    ...(image ? { image } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
  };
}

/** The publication's publisher as a schema.org `Organization`, with its logo if it has one. */
export function publisherLd(links: LinkContext) {
  const { name, url, logo } = links.publisher;
  return { '@type': 'Organization', name, url, ...(logo ? { logo } : {}) };
}

/**
 * Who published an analysis: its source, which it `isBasedOn`, when it first appeared elsewhere;
 * else the publication's own publisher.
 */
function publishedBy(analysis: Pick<Analysis, 'source'>, links: LinkContext) {
  return analysis.source
    ? {
        publisher: { '@type': 'Organization', name: analysis.source.name },
        // Never link an address that is not a web page's, even one the content check let through.
        isBasedOn: isWebUrl(analysis.source.url) ? analysis.source.url : undefined,
      }
    : { publisher: publisherLd(links) };
}

/** Metadata of the home page: the site as a schema.org `WebSite`, with its publisher. */
export function homeHead(links: LinkContext): PageHead {
  const url = links.absolute(links.urls.home());
  return {
    type: 'website',
    meta: [],
    feeds: [],
    jsonLd: graph({
      '@type': 'WebSite',
      url,
      name: links.siteName,
      inLanguage: links.language,
      publisher: publisherLd(links),
    }),
  };
}

const home = (links: LinkContext) => ({ name: links.siteName, url: links.absolute(links.urls.home()) });
/** The Atom feed of an expert, announced by the pages that list their commentaries. */
export const expertFeedLink = (expert: Expert, links: LinkContext): FeedLink => ({
  title: `${expert.name}: commentaries`,
  href: links.absolute(links.urls.expertFeed(expert.id)),
});

/** Metadata of an analysis page: every expert of its commentaries is an author. */
export function analysisHead(
  site: SiteModel,
  analysis: Analysis,
  links: LinkContext,
  work: CitedWork = citeAnalysis(site, analysis, links),
): PageHead {
  const url = links.absolute(links.urls.analysis(analysis.id));
  const experts = analysis.commentaries.map((c) => site.expert(c.expert));
  const themes = analysisThemeIds(analysis).map((id) => site.theme(id));
  return {
    type: 'article',
    meta: [
      { property: 'article:published_time', content: analysis.published.iso },
      ...experts.map((e) => ({
        property: 'article:author',
        content: links.absolute(links.urls.expert(e.id)),
      })),
      ...themes.map((t) => ({ property: 'article:tag', content: t.title })),
      ...scholarMeta(work),
    ],
    feeds: [],
    jsonLd: graph(
      {
        '@type': 'Article',
        '@id': `${url}#article`,
        headline: analysis.title,
        description: analysis.dek,
        url,
        mainEntityOfPage: url,
        datePublished: analysis.published.iso,
        inLanguage: links.language,
        author: experts.map((e) => personLd(e, links)),
        ...publishedBy(analysis, links),
        keywords: themes.map((t) => t.title),
        hasPart: analysis.commentaries.map((c) => ({
          '@type': 'Article',
          '@id': `${links.absolute(links.urls.commentary(c.id))}#article`,
          headline: c.question,
          url: links.absolute(links.urls.commentary(c.id)),
        })),
      },
      breadcrumbList([home(links), { name: analysis.title, url }]),
    ),
  };
}

/** Metadata of a commentary page: its expert is the author, and it is part of its analysis. */
export function commentaryHead(
  site: SiteModel,
  commentary: Commentary,
  links: LinkContext,
  work: CitedWork = citeCommentary(site, commentary, links),
): PageHead {
  const url = links.absolute(links.urls.commentary(commentary.id));
  const analysis = site.analysis(commentary.analysis);
  const analysisUrl = links.absolute(links.urls.analysis(analysis.id));
  const expert = site.expert(commentary.expert);
  const themes = commentary.themes.map((id) => site.theme(id));
  return {
    type: 'article',
    meta: [
      { property: 'article:published_time', content: analysis.published.iso },
      { property: 'article:author', content: links.absolute(links.urls.expert(expert.id)) },
      ...themes.map((t) => ({ property: 'article:tag', content: t.title })),
      ...scholarMeta(work),
    ],
    feeds: [expertFeedLink(expert, links)],
    jsonLd: graph(
      {
        '@type': 'Article',
        '@id': `${url}#article`,
        headline: commentary.question,
        // The editors' bottom line, when there is one, is the article's description as on the page.
        ...(commentary.bottomLine ? { description: commentary.bottomLine } : {}),
        url,
        mainEntityOfPage: url,
        datePublished: analysis.published.iso,
        inLanguage: links.language,
        author: [personLd(expert, links)],
        ...publishedBy(analysis, links),
        isPartOf: {
          '@type': 'Article',
          '@id': `${analysisUrl}#article`,
          headline: analysis.title,
          url: analysisUrl,
        },
        about: themes.map((t) => ({
          '@type': 'Thing',
          name: t.title,
          url: links.absolute(links.urls.theme(t.id)),
        })),
      },
      breadcrumbList([
        home(links),
        { name: analysis.title, url: analysisUrl },
        { name: commentary.question, url },
      ]),
    ),
  };
}

/** Metadata of an expert page: a profile, with the expert's feed; `portrait` is the absolute URL of their portrait. */
export function expertHead(expert: Expert, links: LinkContext, portrait?: string): PageHead {
  const url = links.absolute(links.urls.expert(expert.id));
  return {
    type: 'profile',
    meta: [
      { property: 'profile:first_name', content: expert.givenName },
      { property: 'profile:last_name', content: expert.familyName },
    ],
    feeds: [expertFeedLink(expert, links)],
    jsonLd: graph(
      { '@type': 'ProfilePage', url, mainEntity: profileLd(expert, links, portrait) },
      breadcrumbList([
        home(links),
        { name: 'Experts', url: links.absolute(links.urls.experts()) },
        { name: expert.name, url },
      ]),
    ),
  };
}

/**
 * Metadata of a later page of a list that has a page of its own first (an expert's older
 * commentaries, an expert's older passages on a theme): the breadcrumb goes through page 1.
 */
export function laterPageHead(
  crumbs: readonly { name: string; url: string }[],
  page: { name: string; path: string },
  links: LinkContext,
  feeds: FeedLink[] = [],
): PageHead {
  return {
    type: 'website',
    meta: [],
    feeds,
    jsonLd: graph(
      breadcrumbList([home(links), ...crumbs, { name: page.name, url: links.absolute(page.path) }]),
    ),
  };
}

/** Metadata of a theme page, with the theme's feed. */
export function themeHead(theme: Theme, links: LinkContext): PageHead {
  const url = links.absolute(links.urls.theme(theme.id));
  return {
    type: 'website',
    meta: [],
    feeds: [{ title: `${theme.title}: commentaries`, href: links.absolute(links.urls.themeFeed(theme.id)) }],
    jsonLd: graph(
      { '@type': 'CollectionPage', name: theme.title, description: theme.description, url },
      breadcrumbList([
        home(links),
        { name: 'Themes', url: links.absolute(links.urls.themes()) },
        { name: theme.title, url },
      ]),
    ),
  };
}

/** Metadata of an index page one level below home (all themes, all experts). */
export function indexHead(name: string, path: string, links: LinkContext): PageHead {
  return {
    type: 'website',
    meta: [],
    feeds: [],
    jsonLd: graph(breadcrumbList([home(links), { name, url: links.absolute(path) }])),
  };
}
