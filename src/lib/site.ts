/**
 * The one place that reads the content collections. Loads them once per build, checks them,
 * and derives the model every page renders from. `npm run build` has already run the full check
 * (`check.ts`) and printed its warnings; the check here guards a bare `astro build` or `astro dev`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildModel, type SiteModel } from './model';
import { ContentError, validateContent, type ContentInput } from './validate';

let loading: Promise<SiteModel> | undefined;

const file = (entry: { filePath?: string }) => entry.filePath;

/** Astro loads files in parallel, so the order it returns them in may vary: sort for identical builds. */
const byId = <T extends { id: string }>(entries: T[]) =>
  [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Reads the four collections into plain entries with references resolved to ids. */
export async function loadContent(): Promise<ContentInput> {
  const [analyses, experts, themes, commentaries] = await Promise.all([
    getCollection('analyses'),
    getCollection('experts'),
    getCollection('themes'),
    getCollection('commentaries'),
  ]);
  return {
    analyses: byId(analyses).map((e: CollectionEntry<'analyses'>) => ({
      id: e.id,
      file: file(e),
      body: e.body ?? '',
      ...e.data,
    })),
    experts: byId(experts).map((e) => ({ id: e.id, file: file(e), ...e.data })),
    themes: byId(themes).map((e) => ({ id: e.id, file: file(e), ...e.data })),
    commentaries: byId(commentaries).map((e) => ({
      id: e.id,
      file: file(e),
      body: e.body ?? '',
      ...e.data,
      analysis: e.data.analysis.id,
      expert: e.data.expert.id,
      themes: e.data.themes.map((t) => t.id),
    })),
  };
}

/** The site model, built once and shared by every page of the build. */
export function loadSite(): Promise<SiteModel> {
  loading ??= loadContent().then((input) => {
    const problems = validateContent(input);
    if (problems.some((p) => p.level === 'error')) throw new ContentError(problems);
    return buildModel(input);
  });
  return loading;
}
