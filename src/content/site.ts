/**
 * The one place that reads the content collections. Loads them once per build, checks them,
 * and derives the model every page renders from. `npm run build` has already run the full check
 * (`check.ts`) and printed its warnings; the check here guards a bare `astro build` or `astro dev`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildModel, type SiteModel } from '../model/model.ts';
import { contentDirFromEnv } from './dir.mjs';
import type { StoredParse } from './loader.ts';
import { primeParse } from './markdown.ts';
import { byId } from '../util/text.ts';
import { type LinkContext } from '../outputs/urls.ts';
import { links as urlContext } from '../outputs/site-urls.ts';
import { ContentError, validateContent, type ContentInput, type Problem } from './validate.ts';

let loading: Promise<SiteModel> | undefined;

const file = (entry: { filePath?: string }) => entry.filePath;

/**
 * The body of an entry and where it begins, with the parse the content loader stored for it
 * remembered, so that neither the checks nor the model parse it again.
 */
function bodyOf(entry: { body?: string; rendered?: { metadata?: Record<string, unknown> } }) {
  const body = entry.body ?? '';
  const stored = entry.rendered?.metadata as Partial<StoredParse> | undefined;
  if (stored?.parse) primeParse(body, stored.parse);
  return stored?.bodyLine === undefined ? { body } : { body, bodyLine: stored.bodyLine };
}

/** Reads the four collections into plain entries with references resolved to ids. */
export async function loadContent(): Promise<ContentInput> {
  const [analyses, experts, themes, commentaries] = await Promise.all([
    getCollection('analyses'),
    getCollection('experts'),
    getCollection('themes'),
    getCollection('commentaries'),
  ]);
  // Astro loads files in parallel, so the order it returns them in may vary: sorted for identical builds.
  return {
    analyses: byId(analyses).map((e: CollectionEntry<'analyses'>) => ({
      id: e.id,
      file: file(e),
      ...bodyOf(e),
      ...e.data,
    })),
    experts: byId(experts).map((e) => ({ id: e.id, file: file(e), ...bodyOf(e), ...e.data })),
    themes: byId(themes).map((e) => ({ id: e.id, file: file(e), ...e.data })),
    commentaries: byId(commentaries).map((e) => ({
      id: e.id,
      file: file(e),
      ...bodyOf(e),
      ...e.data,
      analysis: e.data.analysis.id,
      expert: e.data.expert.id,
      themes: e.data.themes.map((t) => t.id),
    })),
  };
}

/**
 * A last guard for builds that skip the content check (a bare `astro build`, or files vanishing
 * between the check and the build): an empty collection must never publish an empty site.
 */
function emptyCollections(input: ContentInput): Problem[] {
  return (Object.keys(input) as (keyof ContentInput)[])
    .filter((name) => input[name].length === 0)
    .map((name) => ({
      level: 'error',
      file: `${contentDirFromEnv(process.env)}/${name}/`,
      field: 'folder',
      message: `the ${name} collection is empty when the site is built: nothing is published until it has entries`,
    }));
}

/** The site model, built once and shared by every page of the build. */
export function loadSite(): Promise<SiteModel> {
  loading ??= loadContent().then((input) => {
    // The content folder named in messages is CONTENT_DIR's, as in `npm run check:content`.
    const contentDir = contentDirFromEnv(process.env);
    const problems = [...emptyCollections(input), ...validateContent(input, { contentDir })];
    if (problems.some((p) => p.level === 'error')) throw new ContentError(problems);
    return buildModel(input);
  });
  // A failure is not kept: once the file is fixed, the next page (`npm run dev`) reads it afresh.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The publication's identity from `site.yml`, its logo an image of Astro's pipeline. */
export type Identity = CollectionEntry<'site'>['data'];

let identity: Promise<Identity> | undefined;

/** The publication's identity (`site.yml`), loaded once per build. */
export function loadIdentity(): Promise<Identity> {
  identity ??= getCollection('site').then(([entry]) => {
    // The loader refuses a missing or invalid file, so this only guards a broken content layer.
    if (!entry) throw new Error(`site.yml was not loaded from ${contentDirFromEnv(process.env)}/`);
    return entry.data;
  });
  return identity;
}

/** The URLs of this build with the publication's name, publisher and language: for feeds, citations, JSON-LD. */
export async function loadLinks(): Promise<LinkContext> {
  const { name, publisher, language, logo } = await loadIdentity();
  const home = urlContext.absolute(urlContext.urls.home());
  return {
    ...urlContext,
    siteName: name,
    language,
    publisher: {
      name: publisher.name,
      url: publisher.url ?? home,
      ...(logo ? { logo: urlContext.absolute(logo.file.src) } : {}),
    },
  };
}
