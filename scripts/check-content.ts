// Checks the content without building it: the same checks, with the same messages, that every
// build runs first (inside Astro's process, src/content/integration.ts). Exits 1 when there is an
// error; warnings only inform.
// Usage: npm run check:content   (CONTENT_DIR picks another content folder)
// The check itself, and what it prints, is src/content/check-report.ts.
import { checkAndReport } from '../src/content/check-report.ts';
import { contentDirFromEnv } from '../src/content/dir.mjs';

if (!(await checkAndReport(process.cwd(), contentDirFromEnv(process.env)))) process.exitCode = 1;
