/**
 * Content checks that Astro's schemas cannot make: references that point nowhere, clashing
 * orders, empty bodies, declared themes no passage speaks to. Pure, so that the build and
 * `npm run check:content` share it.
 */
import type { AnalysisEntry, CommentaryEntry, Expert, Theme } from '../model/model.ts';
import { bodyProblems, parseBlocks, type Block } from './markdown.ts';
import { BIO_MAX_WORDS } from '../model/settings.ts';
import { termsIn } from '../model/terms.ts';

/** One problem found in the content, located for an editor. */
export interface Problem {
  level: 'error' | 'warning';
  /** Path of the file (or, ending in /, of the folder), relative to the project. */
  file: string;
  /** The frontmatter field (`source.url`, `themes[2]`), or `body`, `frontmatter`, `id`, `slug`, `file`, `folder`. */
  field: string;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
}

/** The entries to check, as loaded. */
export interface ContentInput {
  analyses: AnalysisEntry[];
  experts: Expert[];
  themes: Theme[];
  commentaries: CommentaryEntry[];
}

/** Ids of entries whose files exist but could not be read; they are reported on their own. */
export type Unreadable = Partial<Record<'analyses' | 'experts' | 'themes', readonly string[]>>;

/** How to check: where the content lives, and which entries exist but were unreadable. */
export interface ValidateOptions {
  /** The content folder as editors see it, for the paths in messages. Default `content`. */
  contentDir?: string;
  unreadable?: Unreadable;
  /** Some commentaries could not be read: what they use is unknown, so skip the unused-entry warnings. */
  partial?: boolean;
}

/** The opening words of a passage, so that an editor can find it in the file. */
export function openingWords(text: string, count = 8): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

/** What an editor reads when checking a file failed unexpectedly (say, text nested thousands deep). */
export function failureMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `could not be checked (${reason}): look for something unusual in this file, such as quotations, lists or brackets nested very deep, and simplify it`;
}

/**
 * What the check refuses in a body's markdown (unsafe addresses, raw HTML, nesting too deep),
 * each at its line in the file (or in the body, when the body's place in the file is unknown).
 */
function bodyErrors(entry: { body: string; bodyLine?: number }, file: string): Problem[] {
  let found;
  try {
    found = bodyProblems(entry.body);
  } catch (error) {
    return [{ level: 'error', file, field: 'body', message: failureMessage(error) }];
  }
  return found.map(({ line, message }) => ({
    level: 'error',
    file,
    field: 'body',
    message: `${entry.bodyLine === undefined ? `line ${line} of the text` : `line ${entry.bodyLine + line - 1}`}: ${message}`,
  }));
}

/** True for a problem rather than rendered blocks. */
const isProblem = (value: readonly Block[] | Problem): value is Problem => !Array.isArray(value);

/** Renders a body for checking, or says why it cannot be rendered. */
function renderedOrProblem(body: string, file: string): readonly Block[] | Problem {
  try {
    return parseBlocks(body);
  } catch (error) {
    return { level: 'error', file, field: 'body', message: failureMessage(error) };
  }
}

/** Lists the ids a reader may choose from, for "did you mean" style messages. */
function choices(ids: readonly string[]): string {
  return ids.length === 0 ? '(there are none yet)' : ids.map((id) => `"${id}"`).join(', ');
}

/** Checks cross-entry rules and returns every problem, errors and warnings, in file order. */
export function validateContent(input: ContentInput, options: ValidateOptions = {}): Problem[] {
  const contentDir = options.contentDir ?? 'content';
  const fileOf = (entry: { id: string; file?: string }, folder: string) =>
    entry.file ?? `${contentDir}/${folder}/${entry.id}.md`;
  const problems: Problem[] = [];
  const analysisIds = new Set(input.analyses.map((a) => a.id));
  const expertIds = new Set(input.experts.map((e) => e.id));
  const themeById = new Map(input.themes.map((t) => [t.id, t]));
  const unreadable = {
    analyses: new Set(options.unreadable?.analyses),
    experts: new Set(options.unreadable?.experts),
    themes: new Set(options.unreadable?.themes),
  };
  const orders = new Map<string, CommentaryEntry>();

  for (const analysis of input.analyses) {
    const file = fileOf(analysis, 'analyses');
    if (analysis.body.trim() === '') {
      problems.push({
        level: 'error',
        file,
        field: 'body',
        message: 'the introduction is empty: write the piece’s introduction below the frontmatter',
      });
    }
    const errors = bodyErrors(analysis, file);
    problems.push(...errors);
    if (errors.length === 0) {
      const rendered = renderedOrProblem(analysis.body, file);
      if (isProblem(rendered)) problems.push(rendered);
    }
  }

  // An expert's body is their bio: optional, checked as every body is, and meant to be short.
  for (const expert of input.experts) {
    if (!expert.body?.trim()) continue;
    const file = fileOf(expert, 'experts');
    const errors = bodyErrors(
      { body: expert.body, ...(expert.bodyLine === undefined ? {} : { bodyLine: expert.bodyLine }) },
      file,
    );
    problems.push(...errors);
    if (errors.length > 0) continue;
    const rendered = renderedOrProblem(expert.body, file);
    if (isProblem(rendered)) {
      problems.push(rendered);
      continue;
    }
    const words = rendered.flatMap((b) => (b.kind === 'passage' ? b.text.split(/\s+/).filter(Boolean) : []));
    if (words.length > BIO_MAX_WORDS)
      problems.push({
        level: 'warning',
        file,
        field: 'body',
        message: `the bio has ${words.length} words: a profile reads best in ${BIO_MAX_WORDS} or fewer; keep what a reader needs to weigh the expert’s commentaries`,
      });
  }

  for (const c of input.commentaries) {
    const file = fileOf(c, 'commentaries');
    if (!analysisIds.has(c.analysis) && !unreadable.analyses.has(c.analysis)) {
      problems.push({
        level: 'error',
        file,
        field: 'analysis',
        message: `there is no analysis "${c.analysis}": use the name of a file in ${contentDir}/analyses/ without .md, one of ${choices([...analysisIds])}`,
      });
    }
    if (!expertIds.has(c.expert) && !unreadable.experts.has(c.expert)) {
      problems.push({
        level: 'error',
        file,
        field: 'expert',
        message: `there is no expert "${c.expert}": use one of ${choices([...expertIds])}, or add ${contentDir}/experts/${c.expert}.md`,
      });
    }
    const expectedId = `${c.analysis}/${c.expert}`;
    if (c.id !== expectedId && analysisIds.has(c.analysis) && expertIds.has(c.expert)) {
      const [folder] = c.id.split('/');
      problems.push({
        level: 'error',
        file,
        field: c.id.includes('/') && folder !== c.analysis ? 'analysis' : 'expert',
        message: `the file’s place does not match its fields, which say it belongs at ${contentDir}/commentaries/${expectedId}.md: move the file there, or correct the field`,
      });
    }
    const key = `${c.analysis}\u0000${c.order}`;
    const clash = orders.get(key);
    if (clash) {
      problems.push({
        level: 'error',
        file,
        field: 'order',
        message: `order ${c.order} is already taken in analysis "${c.analysis}" by ${fileOf(clash, 'commentaries')}: give each commentary of an analysis its own number`,
      });
    } else {
      orders.set(key, c);
    }
    const declared: Theme[] = [];
    c.themes.forEach((id, i) => {
      const theme = themeById.get(id);
      if (unreadable.themes.has(id)) {
        // Its own file's problem is reported; nothing more to say here.
      } else if (!theme) {
        problems.push({
          level: 'error',
          file,
          field: `themes[${i}]`,
          message: `there is no theme "${id}": use one of ${choices([...themeById.keys()])}, or add ${contentDir}/themes/${id}.md`,
        });
      } else {
        declared.push(theme);
      }
    });
    const errors = bodyErrors(c, file);
    problems.push(...errors);
    if (errors.length > 0) continue;
    const rendered = renderedOrProblem(c.body, file);
    if (isProblem(rendered)) {
      problems.push(rendered);
      continue;
    }
    const passages = rendered.filter((b) => b.kind === 'passage');
    if (passages.length === 0) {
      problems.push({
        level: 'error',
        file,
        field: 'body',
        message:
          'the commentary has no text: write the expert’s answer below the frontmatter, one paragraph per passage',
      });
      continue;
    }
    for (const theme of declared) {
      if (!passages.some((p) => termsIn(p.text, theme.terms).length > 0)) {
        problems.push({
          level: 'error',
          file,
          field: 'themes',
          message: `theme "${theme.id}" is declared but no passage mentions any of its terms (${theme.terms.join(', ')}): remove it from themes, or add a term the text uses to ${fileOf(theme, 'themes')}`,
        });
      }
    }
    const declaredIds = new Set(c.themes);
    for (const passage of passages) {
      for (const theme of input.themes) {
        if (declaredIds.has(theme.id)) continue;
        const found = termsIn(passage.text, theme.terms);
        if (found.length > 0) {
          problems.push({
            level: 'warning',
            file,
            field: 'themes',
            message: `the passage beginning “${openingWords(passage.text)}” mentions ${found.map((t) => `"${t}"`).join(', ')}, ${found.length === 1 ? 'a term' : 'terms'} of theme "${theme.id}", which the commentary does not declare: add "${theme.id}" to themes if the passage speaks to it`,
          });
        }
      }
    }
  }

  if (options.partial) return problems;
  // Entries that no commentary names; only existing ones are looked up, so a wrong name does not count.
  const usedAnalyses = new Set(input.commentaries.map((c) => c.analysis));
  const usedExperts = new Set(input.commentaries.map((c) => c.expert));
  const usedThemes = new Set(input.commentaries.flatMap((c) => c.themes));
  // Entries nothing uses yet: each collection with its folder and what a reader would see.
  const unused: [readonly { id: string; file?: string }[], Set<string>, string, (id: string) => string][] = [
    [
      input.analyses,
      usedAnalyses,
      'analyses',
      (id) =>
        `no commentary belongs to analysis "${id}" yet: its page shows only the introduction until one does`,
    ],
    [
      input.experts,
      usedExperts,
      'experts',
      (id) => `no commentary uses expert "${id}" yet: their page lists no commentary until one does`,
    ],
    [
      input.themes,
      usedThemes,
      'themes',
      (id) => `no commentary declares theme "${id}" yet: its page shows no passage until one does`,
    ],
  ];
  for (const [entries, used, folder, message] of unused) {
    for (const entry of entries) {
      if (!used.has(entry.id)) {
        problems.push({
          level: 'warning',
          file: fileOf(entry, folder),
          field: 'id',
          message: message(entry.id),
        });
      }
    }
  }
  return problems;
}

/** Formats problems one per line: `error: content/x.md › field: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.level}: ${p.file} › ${p.field}: ${p.message}`).join('\n');
}

/** Thrown when the content has errors; the message lists them all. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.level === 'error');
    super(
      `The content has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was published.\n${formatProblems(errors)}`,
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}
