/**
 * The whole of `npm run check:content`: `checkContent` reads and checks a content folder and returns
 * what the command prints, on which stream, and its exit code (the content-safety tests call it in
 * their own process on each broken fixture); `checkAndReport` prints it, keeping each body's parse
 * on disk (`parse-cache.ts`) for the build's content loader and the next check. Both that command
 * and, inside Astro's process, every build (`integration.ts`) run `checkAndReport`.
 */
import { checkContentFolder } from './files.ts';
import { forgetParses, useParseSource, type ParseSource } from './markdown.ts';
import { handOver } from './handoff.ts';
import { ParseCache } from './parse-cache.ts';
import type { Problem } from './validate.ts';
import { formatProblems } from './validate.ts';
import type { CheckResult } from './check.ts';
import { plural as count } from '../util/text.ts';

/** What the check prints and how it ends. */
export interface CheckReport {
  exitCode: 0 | 1;
  /** The success line, when there is no error. */
  stdout: string;
  /** The problems, one a line, and the failure line when there are errors. */
  stderr: string;
  problems: Problem[];
}

/** The report of a check that could not run at all (say, an unreadable folder): one line, no stack. */
export function failedReport(error: unknown): CheckReport {
  const cause = error instanceof Error ? error.message : String(error);
  return {
    exitCode: 1,
    stdout: '',
    stderr: `✗ The content check could not run: ${cause}\n`,
    problems: [],
  };
}

/** The report of a check that ran: its problems, then the line that sums it up. Pure. */
export function checkReport(contentDir: string, result: CheckResult, seconds: string): CheckReport {
  const { problems, content } = result;
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  const listed = problems.length > 0 ? `${formatProblems(problems)}\n\n` : '';
  if (errors > 0) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `${listed}✗ ${count(errors, 'error')}${warnings ? ` and ${count(warnings, 'warning')}` : ''} in ${contentDir}/: each line above names the file, the field and what to change.\n`,
      problems,
    };
  }
  return {
    exitCode: 0,
    stdout: `✓ ${contentDir}/ is ready to publish: ${count(content.analyses.length, 'analysis', 'analyses')}, ${count(content.experts.length, 'expert')}, ${count(content.themes.length, 'theme')}, ${count(content.commentaries.length, 'commentary', 'commentaries')}${warnings ? `; ${count(warnings, 'warning')} above` : ''} (${seconds} s).\n`,
    stderr: listed,
    problems,
  };
}

export interface CheckOptions {
  /** Parses of bodies kept from an earlier check; without it every body is parsed. */
  parses?: ParseSource;
  /** Called with what the check found, e.g. to keep its parses for the next check. */
  afterCheck?: (result: CheckResult) => void;
}

/**
 * Checks the content folder `contentDir` of the project at `root`, as `npm run check:content`
 * does, and returns what that command prints and its exit code.
 */
export async function checkContent(
  root: string,
  contentDir: string,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const started = performance.now();
  let result: CheckResult;
  useParseSource(options.parses);
  try {
    result = await checkContentFolder(root, contentDir);
  } catch (error) {
    // Each file's own failures are reported against it; this is for anything else.
    return failedReport(error);
  } finally {
    useParseSource(undefined);
  }
  options.afterCheck?.(result);
  return checkReport(contentDir, result, ((performance.now() - started) / 1000).toFixed(1));
}

/** Where the report goes: the problems and a failure to `error`, the verdict of a pass to `info`. */
export interface ReportTo {
  info: (text: string) => void;
  error: (text: string) => void;
}

const CONSOLE: ReportTo = { info: (t) => console.log(t), error: (t) => console.error(t) };

/** What `checkAndReport` does besides reporting. */
export interface CheckAndReportOptions {
  to?: ReportTo;
  /**
   * Given the checked content when it has no error, while each body's parse is still at hand (the
   * build derives its search records from it: src/search/build/checked.ts).
   */
  onPassed?: (content: CheckResult['content']) => void;
  /** Hands the files read and their parses to the content loader of this process (handoff.ts). */
  handOverFiles?: boolean;
}

/**
 * Checks the content folder of the project at `root` and prints the report to `to`; true when it
 * has no error.
 */
export async function checkAndReport(
  root: string,
  contentDir: string,
  { to = CONSOLE, onPassed, handOverFiles = false }: CheckAndReportOptions = {},
): Promise<boolean> {
  // Bodies unchanged since the last check (and the code that parses them) are not parsed again.
  const cache = ParseCache.read(root);
  const report = await checkContent(root, contentDir, {
    parses: cache,
    afterCheck: ({ content, problems, files }) => {
      try {
        // For the next check, and the build's content loader.
        cache.write([...content.analyses, ...content.commentaries].map((entry) => entry.body));
      } catch {
        // A cache that cannot be written only costs time.
      }
      const passed = !problems.some((problem) => problem.level === 'error');
      if (passed && handOverFiles && files)
        handOver({ root, contentDir, fingerprint: cache.code, files, parses: cache });
      try {
        if (passed && onPassed) onPassed(content);
      } catch {
        // What is done with checked content only saves time: the build derives it again.
      } finally {
        // Its parses are kept by the cache now, for the content layer: the check's own copies go.
        forgetParses();
      }
    },
  });
  if (report.stderr) to.error(report.stderr.replace(/\n$/, ''));
  if (report.stdout) to.info(report.stdout.replace(/\n$/, ''));
  return report.exitCode === 0;
}
