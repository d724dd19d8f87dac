/**
 * Content checks that Astro's schemas cannot make: references that point nowhere, clashing
 * orders, empty bodies, declared themes no passage speaks to. Pure, so that the build and
 * `npm run check:content` share it.
 */
import type { AnalysisEntry, CommentaryEntry, Expert, Theme } from './model';
import { renderBlocks } from './markdown';
import { termsIn } from './terms';

/** One problem found in the content, located for an editor. */
export interface Problem {
  level: 'error' | 'warning';
  /** Path of the file, relative to the project. */
  file: string;
  /** The frontmatter field, or `body`. */
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

const fileOf = (entry: { id: string; file?: string }, folder: string) =>
  entry.file ?? `content/${folder}/${entry.id}.md`;

/** Lists the ids a reader may choose from, for "did you mean" style messages. */
function choices(ids: readonly string[]): string {
  return ids.length === 0 ? '(there are none yet)' : ids.map((id) => `"${id}"`).join(', ');
}

/** Checks cross-entry rules and returns every problem, errors and warnings, in file order. */
export function validateContent(input: ContentInput): Problem[] {
  const problems: Problem[] = [];
  const analysisIds = new Set(input.analyses.map((a) => a.id));
  const expertIds = new Set(input.experts.map((e) => e.id));
  const themeById = new Map(input.themes.map((t) => [t.id, t]));
  const usedExperts = new Set<string>();
  const usedThemes = new Set<string>();
  const orders = new Map<string, CommentaryEntry>();

  for (const analysis of input.analyses) {
    if (analysis.body.trim() === '') {
      problems.push({
        level: 'error',
        file: fileOf(analysis, 'analyses'),
        field: 'body',
        message: 'the introduction is empty: write the piece’s introduction below the frontmatter',
      });
    }
  }

  for (const c of input.commentaries) {
    const file = fileOf(c, 'commentaries');
    if (!analysisIds.has(c.analysis)) {
      problems.push({
        level: 'error',
        file,
        field: 'analysis',
        message: `there is no analysis "${c.analysis}": use the name of a file in content/analyses/ without .md, one of ${choices([...analysisIds])}`,
      });
    }
    if (!expertIds.has(c.expert)) {
      problems.push({
        level: 'error',
        file,
        field: 'expert',
        message: `there is no expert "${c.expert}": use one of ${choices([...expertIds])}, or add content/experts/${c.expert}.md`,
      });
    } else {
      usedExperts.add(c.expert);
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
      if (!theme) {
        problems.push({
          level: 'error',
          file,
          field: `themes[${i}]`,
          message: `there is no theme "${id}": use one of ${choices([...themeById.keys()])}, or add content/themes/${id}.md`,
        });
      } else {
        declared.push(theme);
        usedThemes.add(id);
      }
    });
    if (c.body.trim() === '') {
      problems.push({
        level: 'error',
        file,
        field: 'body',
        message: 'the commentary has no text: write the expert’s answer below the frontmatter',
      });
      continue;
    }
    const passages = renderBlocks(c.body).filter((b) => b.kind === 'passage');
    for (const theme of declared) {
      if (!passages.some((p) => termsIn(p.text, theme.terms).length > 0)) {
        problems.push({
          level: 'error',
          file,
          field: 'themes',
          message: `theme "${theme.id}" is declared but no passage mentions any of its terms (${theme.terms.join(', ')}): remove it from themes, or add a term to content/themes/${theme.id}.md`,
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
            message: `passage #${passage.id} mentions ${found.map((t) => `"${t}"`).join(', ')} of theme "${theme.id}", which the commentary does not declare: add it to themes if the passage speaks to it`,
          });
        }
      }
    }
  }

  for (const expert of input.experts) {
    if (!usedExperts.has(expert.id)) {
      problems.push({
        level: 'warning',
        file: fileOf(expert, 'experts'),
        field: 'id',
        message: `no commentary uses expert "${expert.id}" yet`,
      });
    }
  }
  for (const theme of input.themes) {
    if (!usedThemes.has(theme.id)) {
      problems.push({
        level: 'warning',
        file: fileOf(theme, 'themes'),
        field: 'id',
        message: `no commentary declares theme "${theme.id}" yet`,
      });
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
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.level === 'error');
    super(
      `The content has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was published.\n${formatProblems(errors)}`,
    );
    this.name = 'ContentError';
  }
}
