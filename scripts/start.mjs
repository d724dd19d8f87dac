#!/usr/bin/env node
// Builds the site if the content, code or hosting settings changed since the last build, then serves it.
// Ctrl+C, SIGTERM, SIGHUP or the end of `npm start` stops the build (which then publishes nothing)
// or the server, whichever is running.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contentDirFromEnv } from '../src/lib/content-dir.mjs';
import { hostingFromEnv } from '../src/lib/hosting.mjs';
import { exitCodeFor, onStop } from './signals.mjs';
import { requireSupportedNode } from './runtime.mjs';

requireSupportedNode('scripts/start.mjs');

const STAMP = '.build/stamp-dist.json';
const contentDir = contentDirFromEnv(process.env);
const INPUTS = [contentDir, 'src', 'public', 'astro.config.mjs', 'package-lock.json'];

/** Newest modification time of a file or of any file in a folder tree. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

function needsBuild() {
  if (!existsSync('dist/index.html') || !existsSync(STAMP)) return 'there is no build yet';
  const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  const { base, site } = hostingFromEnv(process.env);
  if (stamp.base !== base || stamp.site !== site) return 'BASE_PATH or SITE_URL changed';
  if (stamp.contentDir !== contentDir) return 'CONTENT_DIR changed';
  const built = statSync(STAMP).mtimeMs;
  if (INPUTS.some((input) => newest(input) > built)) return 'the content or code changed';
  return undefined;
}

let building;
onStop((signal) => {
  if (!building) process.exit(exitCodeFor(signal));
  // The build stops itself on the same signal, tidies up, and ends; then so does this.
  building.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  building.on('exit', () => process.exit(exitCodeFor(signal)));
});

const reason = needsBuild();
if (reason) {
  console.log(`Building the site (${reason})…`);
  building = spawn(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const code = await new Promise((done) => building.on('exit', (status) => done(status ?? 1)));
  building = undefined;
  if (code !== 0) process.exit(code);
} else {
  console.log('The build in dist/ is up to date.');
}
await import('./serve.mjs').then(async ({ createStaticServer, listen }) => {
  const { base } = hostingFromEnv(process.env);
  const port = Number(process.env.PORT ?? 4321);
  const host = process.env.HOST ?? '127.0.0.1';
  await listen(createStaticServer({ root: 'dist', base }), port, host);
  console.log(`Serving dist/ at http://${host}:${port}${base}  (Ctrl+C to stop)`);
});
