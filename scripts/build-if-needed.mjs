// Builds dist/ if the content, code or hosting settings changed since the last build: `npm start`
// and `npm run edit`. Ctrl+C, SIGTERM, SIGHUP or the end of the npm command stops the build (which
// then publishes nothing) or, once it is built, the server the caller starts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contentDirFromEnv } from '../src/content/dir.mjs';
import { hostingFromEnv } from '../src/outputs/hosting.mjs';
import { exitCodeFor, onStop } from './signals.mjs';

const STAMP = '.build/stamp-dist.json';

/** Newest modification time of a file or of any file in a folder tree. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

/** Why dist/ must be built again, or undefined when it is up to date. */
export function needsBuild(env = process.env) {
  const contentDir = contentDirFromEnv(env);
  const inputs = [contentDir, 'src', 'public', 'astro.config.mjs', 'package-lock.json'];
  if (!existsSync('dist/index.html') || !existsSync(STAMP)) return 'there is no build yet';
  const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  const { base, site } = hostingFromEnv(env);
  if (stamp.base !== base || stamp.site !== site) return 'BASE_PATH or SITE_URL changed';
  if (stamp.contentDir !== contentDir) return 'CONTENT_DIR changed';
  const built = statSync(STAMP).mtimeMs;
  if (inputs.some((input) => newest(input) > built)) return 'the content or code changed';
  return undefined;
}

let building;
onStop((signal) => {
  if (!building) process.exit(exitCodeFor(signal));
  // The build stops itself on the same signal, tidies up, and ends; then so does this.
  building.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  building.on('exit', () => process.exit(exitCodeFor(signal)));
});

/** Builds dist/ when needed, saying why; exits with the build's status if it fails. */
export async function buildIfNeeded() {
  const reason = needsBuild();
  if (!reason) {
    console.log('The build in dist/ is up to date.');
    return;
  }
  console.log(`Building the site (${reason})…`);
  building = spawn(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const code = await new Promise((done) => building.on('exit', (status) => done(status ?? 1)));
  building = undefined;
  if (code !== 0) process.exit(code);
}
