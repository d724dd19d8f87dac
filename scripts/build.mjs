#!/usr/bin/env node
// Builds the site into a fresh folder and swaps it in as dist/ only when everything succeeded,
// so that a failed build never replaces a working site with a broken or half-written one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hostingFromEnv } from '../src/lib/hosting.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = resolve(values.out);
const work = resolve('.build');
const next = join(work, `next-${process.pid}`);
const previous = join(work, `previous-${process.pid}`);

/** Runs a command with inherited output; resolves with its exit code. */
function run(command, args, env) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

let hosting;
try {
  hosting = hostingFromEnv(process.env);
} catch (error) {
  console.error(`Build stopped: ${error.message}`);
  process.exit(1);
}

await mkdir(work, { recursive: true });
await rm(next, { recursive: true, force: true });

const astro = resolve('node_modules/.bin/astro');
const code = await run(astro, ['build', '--outDir', next], { ASTRO_TELEMETRY_DISABLED: '1' });
if (code !== 0 || !existsSync(join(next, 'index.html'))) {
  await rm(next, { recursive: true, force: true });
  console.error(
    `\nBuild failed: nothing was published. ${existsSync(out) ? `The last good site in ${values.out}/ is untouched.` : ''}`,
  );
  process.exit(code || 1);
}

// Swap: two renames on the same file system, so readers of dist/ never see a partial site.
await mkdir(dirname(out), { recursive: true });
if (existsSync(out)) await rename(out, previous);
await rename(next, out);
await rm(previous, { recursive: true, force: true });
await writeFile(join(work, `stamp-${basename(out)}.json`), `${JSON.stringify(hosting)}\n`);
console.log(`\nBuilt ${values.out}/ for ${hosting.site}${hosting.base}`);
