// Checks the content without building it: the same checks, with the same messages, that
// `npm run build` runs first. Exits 1 when there is an error; warnings only inform.
// Usage: npm run check:content   (CONTENT_DIR picks another content folder)
import { contentDirFromEnv } from '../src/content/dir.mjs';
import { checkContentFolder } from '../src/content/files';
import { useParseSource } from '../src/content/markdown';
import { ParseCache } from '../src/content/parse-cache';
import { plural as count } from '../src/util/text';
import { formatProblems } from '../src/content/validate';

const started = performance.now();
const contentDir = contentDirFromEnv(process.env);
// Bodies unchanged since the last check (and the code that parses them) are not parsed again.
const cache = ParseCache.read(process.cwd());
useParseSource(cache);
const { problems, content } = await checkContentFolder(process.cwd(), contentDir).catch((error: unknown) => {
  // Each file's own failures are reported against it; this is for anything else (say, an
  // unreadable folder), told in one line rather than a stack trace.
  console.error(
    `✗ The content check could not run: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
useParseSource(undefined);
try {
  // For the build's content loader, and the next check.
  cache.write([...content.analyses, ...content.commentaries].map((entry) => entry.body));
} catch {
  // A cache that cannot be written only costs time.
}
const errors = problems.filter((p) => p.level === 'error').length;
const warnings = problems.length - errors;
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (problems.length > 0) console.error(`${formatProblems(problems)}\n`);
if (errors > 0) {
  console.error(
    `✗ ${count(errors, 'error')}${warnings ? ` and ${count(warnings, 'warning')}` : ''} in ${contentDir}/: each line above names the file, the field and what to change.`,
  );
  process.exitCode = 1;
} else {
  console.log(
    `✓ ${contentDir}/ is ready to publish: ${count(content.analyses.length, 'analysis', 'analyses')}, ${count(content.experts.length, 'expert')}, ${count(content.themes.length, 'theme')}, ${count(content.commentaries.length, 'commentary', 'commentaries')}${warnings ? `; ${count(warnings, 'warning')} above` : ''} (${seconds} s).`,
  );
}
