// The Node the project's scripts run on. `npm run …` puts the pinned Node 24 of the `node` dev
// dependency first on PATH; a script started some other way is told how to start it, and every
// tool a script starts (Astro, vite-node, Playwright: `#!/usr/bin/env node`) runs on the same Node.
import { readFileSync } from 'node:fs';
import { delimiter, dirname } from 'node:path';

const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).devDependencies
  .node;

/** Stops with what to do when this Node cannot run Astro 7 (it needs 22.12 or newer). */
export function requireSupportedNode(script) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  console.error(
    `${script} needs Node 22.12 or newer, and this is Node ${process.versions.node}. Start it through npm ` +
      `(e.g. npm run build), which runs it on the project's Node ${pinned} (node_modules/.bin/node); ` +
      'run `npm install` first if that is missing.',
  );
  process.exit(1);
}

/** An environment whose PATH finds this very Node first, for the processes a script starts. */
export function withThisNode(env = process.env) {
  return { ...env, PATH: `${dirname(process.execPath)}${delimiter}${env.PATH ?? ''}` };
}
