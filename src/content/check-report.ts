/**
 * The whole of `npm run check:content` as one function, run by that command and, inside Astro's
 * process, by every build (`integration.ts`): the check of `files.ts` and `check.ts`, its problems
 * printed as `file › field: message` lines, then one line of verdict. It also keeps each body's
 * parse on disk (`parse-cache.ts`) for the build's content loader and the next check.
 */
import { checkContentFolder } from './files';
import { forgetParses, useParseSource } from './markdown';
import { ParseCache } from './parse-cache';
import { formatProblems } from './validate';
import { plural as count } from '../util/text';

/** Where the report goes: the problems and a failure to `error`, the verdict of a pass to `info`. */
export interface ReportTo {
  info: (text: string) => void;
  error: (text: string) => void;
}

const CONSOLE: ReportTo = { info: (t) => console.log(t), error: (t) => console.error(t) };

/** Checks the content folder of the project at `root` and reports it; true when it has no error. */
export async function checkAndReport(root: string, contentDir: string, to: ReportTo = CONSOLE): Promise<boolean> {
  const started = performance.now();
  // Bodies unchanged since the last check (and the code that parses them) are not parsed again.
  const cache = ParseCache.read(root);
  useParseSource(cache);
  let result: Awaited<ReturnType<typeof checkContentFolder>>;
  try {
    result = await checkContentFolder(root, contentDir);
  } catch (error) {
    // Each file's own failures are reported against it; this is for anything else (say, an
    // unreadable folder), told in one line rather than a stack trace.
    to.error(`✗ The content check could not run: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    useParseSource(undefined);
  }
  const { problems, content } = result;
  try {
    // For the build's content loader, and the next check.
    cache.write([...content.analyses, ...content.commentaries].map((entry) => entry.body));
  } catch {
    // A cache that cannot be written only costs time.
  }
  // Its parses are on disk now, for the content layer: the check keeps none in memory.
  forgetParses();
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  if (problems.length > 0) to.error(`${formatProblems(problems)}\n`);
  if (errors > 0) {
    to.error(
      `✗ ${count(errors, 'error')}${warnings ? ` and ${count(warnings, 'warning')}` : ''} in ${contentDir}/: each line above names the file, the field and what to change.`,
    );
    return false;
  }
  to.info(
    `✓ ${contentDir}/ is ready to publish: ${count(content.analyses.length, 'analysis', 'analyses')}, ${count(content.experts.length, 'expert')}, ${count(content.themes.length, 'theme')}, ${count(content.commentaries.length, 'commentary', 'commentaries')}${warnings ? `; ${count(warnings, 'warning')} above` : ''} (${seconds} s).`,
  );
  return true;
}
