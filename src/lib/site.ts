/**
 * The one place that reads the content collections. Loads them once per build, checks them,
 * and derives the model every page renders from.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildModel, type SiteModel } from './model';
import { ContentError, formatProblems, validateContent, type ContentInput } from './validate';

let loading: Promise<SiteModel> | undefined;

const file = (entry: { filePath?: string }) => entry.filePath;

/** Reads the four collections into plain entries with references resolved to ids. */
export async function loadContent(): Promise<ContentInput> {
  const [analyses, experts, themes, commentaries] = await Promise.all([
    getCollection('analyses'),
    getCollection('experts'),
    getCollection('themes'),
    getCollection('commentaries'),
  ]);
  return {
    analyses: analyses.map((e: CollectionEntry<'analyses'>) => ({
      id: e.id,
      file: file(e),
      body: e.body ?? '',
      ...e.data,
    })),
    experts: experts.map((e) => ({ id: e.id, file: file(e), ...e.data })),
    themes: themes.map((e) => ({ id: e.id, file: file(e), ...e.data })),
    commentaries: commentaries.map((e) => ({
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
    const warnings = problems.filter((p) => p.level === 'warning');
    if (warnings.length > 0) console.warn(formatProblems(warnings));
    return buildModel(input);
  });
  return loading;
}
