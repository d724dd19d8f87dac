#!/usr/bin/env node
// Builds the site in two steps, stopping at the first that fails:
//   1. builds it with Astro into a staging folder: Astro's process first checks the content (the
//      same check as `npm run check:content`, with the same messages: src/content/integration.ts)
//      and stops before building anything if it has errors; its last step is the search index
//      (a large archive's is written after Astro's process has ended, by this script, so that the
//      two never hold their memory at once: src/search/build/pagefind.mjs);
//   2. swaps the staging folder in as dist/ (see publish.mjs).
// A failure anywhere leaves the last good dist/ exactly as it was, and so does SIGINT, SIGTERM or
// SIGHUP, or the end of the process that started the build (see signals.mjs): it stops the step
// under way and publishes nothing.
// Usage: node scripts/build.mjs [--out dist]   (BASE_PATH, SITE_URL and CONTENT_DIR from the environment)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirFromEnv } from '../src/content/dir.mjs';
import { CONTENT_ERRORS_EXIT } from '../src/content/exit.mjs';
import { isCitationFile } from '../src/outputs/citation-formats.mjs';
import { hostingFromEnv } from '../src/outputs/hosting.mjs';
import { OUT_READY, answerOutReady } from '../src/outputs/out-ready.mjs';
import {
  HANDOFF,
  INDEX_AFTER_ASTRO_DEFAULT,
  INDEX_AFTER_ASTRO_FROM,
  handedOff,
  indexedLine,
  indexLeftRecords,
  startHandedOff,
} from '../src/search/build/pagefind.mjs';
import { SEARCH_BUNDLE_FOLDER } from '../src/search/shared/bundle.mjs';
import { copyPublished, keepReplaced, takeKept } from './kept.mjs';
import { PublishError, publish, recover } from './publish.mjs';
import { requireSupportedNode, withThisNode } from './runtime.mjs';
import { exitCodeFor, onStop } from './signals.mjs';

requireSupportedNode('scripts/build.mjs');

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = resolve(values.out);
const work = resolve('.build');
/** The files of a built site that the build replaces when they change, never writes into. */
const replacedWhole = (path) => path.startsWith(`${SEARCH_BUNDLE_FOLDER}/`) || isCitationFile(path);
/** Written once a build of `out` has published: what it was built for. */
const stamp = join(work, `stamp-${basename(out)}.json`);
// A production build whatever the caller's NODE_ENV (Vitest sets it to "test"): the output,
// its Content-Security-Policy included, must not depend on the shell it was built from.
const env = { ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
// Vite reads these as `import.meta.env` values, and Vitest sets them (DEV=1) in the environment of
// the builds the tests start: a build would take itself for the dev server. They never reach Astro.
const VITE_ENV = ['DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL'];

// Astro's build allocates many short-lived objects (a page's HTML, its props): a larger young
// generation lets V8 collect them in fewer, cheaper scavenges. A large archive's search index is
// written by this script once Astro's process has ended, from the records it hands over (pagefind.mjs).
const ASTRO_ENV = {
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' '),
  [INDEX_AFTER_ASTRO_FROM]: process.env[INDEX_AFTER_ASTRO_FROM] ?? String(INDEX_AFTER_ASTRO_DEFAULT),
  [HANDOFF]: '1',
};

/**
 * Runs a command with inherited output; resolves with its exit code (1 if killed). `onMessage`
 * receives what it sends through an IPC channel (Node's `process.send`), and the process.
 */
function run(command, args, signal, extraEnv = {}, onMessage = undefined) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      stdio: onMessage ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
      env: withThisNode(
        Object.fromEntries(
          Object.entries({ ...process.env, ...env, ...extraEnv }).filter(
            ([name]) => !VITE_ENV.includes(name),
          ),
        ),
      ),
      signal,
    });
    child.on('error', (error) => {
      if (error.name !== 'AbortError') console.error(error.message);
    });
    if (onMessage) child.on('message', (message) => onMessage(message, child));
    child.on('close', (code, killed) => done(code ?? (killed ? 1 : 0)));
  });
}

// Stops whichever step is under way: its process is killed and the build publishes nothing.
const interruption = new AbortController();
onStop((signal) => interruption.abort(signal));

/** Ends the build without publishing, saying what became of the last good site. */
function stop(reason, code = 1) {
  const kept = existsSync(out) ? ` The last good site in ${values.out}/ is untouched.` : '';
  console.error(`\nBuild stopped: ${reason}. Nothing was published.${kept}`);
  process.exit(code);
}

let hosting;
try {
  hosting = hostingFromEnv(process.env);
} catch (error) {
  stop(error.message);
}

/** Ends the build because it was interrupted. */
const interrupted = () => stop('interrupted', exitCodeFor(interruption.signal.reason));

try {
  for (const line of await recover({ out, work })) console.log(line);
} catch (error) {
  stop(
    `what an interrupted build left in ${values.out}'s work folder .build/ could not be tidied (${error.message})`,
  );
}

const contentDir = contentDirFromEnv(process.env);
const bin = (name) => resolve('node_modules/.bin', name);
/** Set when Astro's process stopped at the content check (its first step) rather than failing to build. */
let contentRefused = false;

/** True while the process with this id runs. */
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * The folder Astro builds into: the same for every build of this project (whatever --out says),
 * so that Astro's incremental build can reuse pages; a build started while another runs gets a
 * folder of its own (and renders every page), so that two builds never write into one folder.
 */
function claimAstroFolder() {
  const stable = join(work, 'astro-out');
  const lockFile = `${stable}.lock`;
  const release = () => rmSync(lockFile, { force: true });
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return { path: stable, stable: true, release };
  } catch {
    const owner = Number(readFileSync(lockFile, 'utf8'));
    if (!running(owner)) {
      writeFileSync(lockFile, String(process.pid));
      return { path: stable, stable: true, release };
    }
    return { path: join(work, `astro-out-${process.pid}`), stable: false, release: () => {} };
  }
}

/**
 * Makes `folder` the site the last build published (the one it replaced, kept and brought up to
 * date: kept.mjs), so that Astro leaves the pages it does not render again where they are; the
 * build removes what it does not produce (src/outputs/integration.ts). Without a kept site, a copy
 * of the published one; without either, or if it cannot be used, Astro starts from an empty folder
 * and copies those pages from its cache.
 */
async function reuseLastSite(folder) {
  try {
    // The search bundle is brought up to date by the search index's step (pagefind.mjs).
    const kept = await takeKept(folder, { work, out, skip: [SEARCH_BUNDLE_FOLDER] });
    if (kept)
      console.log(
        `Building into the last site (${kept.copied} files brought up to date, ${kept.removed} removed).`,
      );
    // The search index's files and the citation files are replaced when they change, never written
    // into (pagefind.mjs, src/outputs/integration.ts): the copy shares them with the published site.
    const done = kept ?? (await copyPublished(folder, { out, stamp, share: replacedWhole }));
    if (done && !kept) console.log(`Building into a copy of the published site (${done.copied} files).`);
    // What the folder holds now: the build's last step need not list it again (out-ready.mjs).
    return done?.files;
  } catch (error) {
    console.warn(`The last site could not be reused (${error.message}): building into an empty folder.`);
    await rm(folder, { recursive: true, force: true });
    return undefined;
  }
}

/** Set when the search index, written after Astro's process, failed: why. */
let searchFailure;

/**
 * Writes the search index of the records Astro's process left in `folder` (a large archive's:
 * pagefind.mjs), now that its memory is free: those it handed over while the pages rendered,
 * already in Pagefind (`started`), or else its records file. True when there were none, or the
 * index is written.
 */
async function indexAfterAstro(folder, started, signal) {
  const waited = performance.now();
  try {
    const written = await indexLeftRecords(folder, { started, signal });
    if (written)
      console.log(
        indexedLine(
          written,
          `/${SEARCH_BUNDLE_FOLDER}/`,
          performance.now() - waited,
          started
            ? 'Pagefind indexed them while the pages rendered and wrote them after Astro’s process had ended.'
            : 'Pagefind indexed and wrote them after Astro’s process had ended.',
        ),
      );
    return true;
  } catch (error) {
    if (!signal.aborted) searchFailure = error.message;
    return false;
  }
}

let result;
try {
  result = await publish({
    out,
    work,
    signal: interruption.signal,
    // No --force: Astro's content store is kept between builds, so that an unchanged file is not
    // read into an entry again. Entries are keyed by the digest of their file's text, and the
    // content loader (src/content/loader.ts) drops them all when its own code changes.
    // Astro builds into a folder whose name does not change between builds, then it becomes the
    // staging folder: the output folder is part of the code Astro's incremental build hashes
    // (astro.config.mjs), so a new name each time would render every page again.
    produce: async (staging, signal) => {
      const astroOut = claimAstroFolder();
      try {
        // What a failed or interrupted build left there is never built upon.
        await rm(astroOut.path, { recursive: true, force: true });
        // The last site is brought up to date while Astro's process starts, which asks for it
        // before it writes anything there (out-ready.mjs).
        const folderReady = astroOut.stable ? reuseLastSite(astroOut.path) : Promise.resolve();
        // A large archive's search records, handed over while the pages render (pagefind.mjs).
        let started;
        let code;
        try {
          code = await run(
            bin('astro'),
            ['build', '--outDir', astroOut.path],
            signal,
            { ...ASTRO_ENV, [OUT_READY]: '1' },
            (message, child) => {
              if (answerOutReady(message, child, folderReady)) return;
              const handed = handedOff(message);
              if (handed === undefined || started) return;
              started = startHandedOff(handed, astroOut.path);
            },
          );
        } finally {
          await folderReady;
        }
        contentRefused = code === CONTENT_ERRORS_EXIT;
        if (code !== 0) {
          await started?.stop();
          return false;
        }
        if (!(await indexAfterAstro(astroOut.path, started, signal))) return false;
        await rename(astroOut.path, staging);
        return true;
      } finally {
        astroOut.release();
      }
    },
    verify: (staging) => existsSync(join(staging, 'index.html')),
    // The replaced site is kept for the next build to build into (kept.mjs).
    retire: (previous) => keepReplaced(previous, { work, out }),
  });
} catch (error) {
  stop(error instanceof PublishError ? error.message : `the site could not be published (${error.message})`);
}
if (result.interrupted || interruption.signal.aborted) interrupted();
if (contentRefused) {
  stop(`the content has errors (listed above, each with the file and the field to fix in ${contentDir}/)`);
}
if (searchFailure) stop(`the search index could not be built (${searchFailure})`);
if (!result.published) stop('the Astro build failed (see above)');

await writeFile(stamp, `${JSON.stringify({ ...hosting, contentDir })}\n`);
console.log(`\nBuilt ${values.out}/ for ${hosting.site}${hosting.base}`);
