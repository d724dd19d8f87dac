#!/usr/bin/env node
// Runs after `npm install` / `npm ci`, on the Node that npm scripts use (node_modules/.bin/node).
// Says which Node runs the project and stops the install if it is not the pinned one, so that a
// failed download of the `node` package shows here rather than as an odd error in Astro. It also
// names any dependency whose install script package.json's "allowScripts" has not reviewed: the
// project's .npmrc prints npm's errors only, so npm's own warning about them would not show.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pinned = pkg.devDependencies.node;
const running = process.versions.node;
if (running !== pinned) {
  console.error(
    `Perspectives runs on Node ${pinned} (the "node" dev dependency), but npm scripts got Node ${running}.\n` +
      'Run `npm install` again; if it persists, check that node_modules/.bin/node exists and that package.json "allowScripts" approves "node".',
  );
  process.exit(1);
}

let unreviewed = [];
try {
  const out = execFileSync('npm', ['install-scripts', 'ls', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  unreviewed = JSON.parse(out).allowScripts ?? [];
} catch {
  // An npm without install-script approvals (npm 10) runs every install script and has nothing to list.
}
if (unreviewed.length > 0) {
  const names = unreviewed
    .map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)))
    .join(', ');
  console.log(
    `Install scripts not yet reviewed: ${names}. Approve what must run with \`npm install-scripts approve <name>\`.`,
  );
}
console.log(
  `Perspectives: npm scripts run on Node ${running} from node_modules/.bin/node (your system Node only runs npm).`,
);
