// Checks the content without building it: the same checks, with the same messages, that
// `npm run build` runs first. Exits 1 when there is an error; warnings only inform.
// Usage: npm run check:content   (CONTENT_DIR picks another content folder)
// The check itself, and what it prints, is src/content/check-report.ts; this prints it.
import { contentDirFromEnv } from '../src/content/dir.mjs';
import { checkContent } from '../src/content/check-report';
import { ParseCache } from '../src/content/parse-cache';

// Bodies unchanged since the last check (and the code that parses them) are not parsed again.
const cache = ParseCache.read(process.cwd());
const report = await checkContent(process.cwd(), contentDirFromEnv(process.env), {
  parses: cache,
  afterCheck: (content) => {
    try {
      // For the build's content loader, and the next check.
      cache.write([...content.analyses, ...content.commentaries].map((entry) => entry.body));
    } catch {
      // A cache that cannot be written only costs time.
    }
  },
});
process.stderr.write(report.stderr);
process.stdout.write(report.stdout);
process.exitCode = report.exitCode;
