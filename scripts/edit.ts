// The editors' workspace: builds the site if needed, then serves it with Sveltia CMS at <base>admin/
// and says what to click. Usage: npm run edit   (PORT, HOST, BASE_PATH, CONTENT_DIR; CMS_REPO=owner/name
// for signing in to GitHub instead of working on this folder)
import { isAbsolute, relative, resolve } from 'node:path';
import { contentDirFromEnv } from '../src/content/dir.mjs';
import { hostingFromEnv } from '../src/outputs/hosting.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';
import { listen } from './serve.mjs';
import { createWorkspaceServer } from './workspace.ts';

const root = process.cwd();
const contentDir = relative(root, resolve(root, contentDirFromEnv(process.env)));
if (contentDir.startsWith('..') || isAbsolute(contentDir)) {
  console.error(`The workspace edits files inside this folder only: CONTENT_DIR must be under ${root}.`);
  process.exit(1);
}
await buildIfNeeded();
const { base } = hostingFromEnv(process.env);
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const server = createWorkspaceServer({ root: 'dist', base, contentDir, repo: process.env.CMS_REPO });
await listen(server, port, host);
console.log(`
The editors' workspace is ready.
  1. Open http://${host}:${port}${base}admin/ in Chrome or Edge (other browsers cannot open a local folder).
  2. Choose "Work with Local Repository" and pick this folder: ${root}
  3. Edit and save; the files change in ${contentDir}/ at once.
  4. Run \`npm run check:content\` for the checks across files, then \`npm run build\` to publish.
The site itself is at http://${host}:${port}${base}  (Ctrl+C to stop)`);
