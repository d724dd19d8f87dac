// Replaces a published folder only with a complete new one, so that readers never see a broken
// or half-written site: the new site is produced in a staging folder beside the old one and
// swapped in by renaming, and a failed, interrupted or crashed build leaves the old one as it was.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { onStop } from './signals.mjs';

/** A failure to publish that the operator can fix: the message says what failed and what to do. */
export class PublishError extends Error {
  name = 'PublishError';
}

/** A path as the operator typed it, relative to the working folder when inside it. */
const shown = (path) =>
  relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path);

/** What to do when a folder cannot be written, even by root. */
const WRITABLE = (path) =>
  `make ${shown(path)} and the folder it is in writable (ls -ld; lsattr -d shows an immutable "i" flag, removed with chattr -i), or build elsewhere with --out`;

/** True if a process with this id is running. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Tidies what a build killed mid-way left in `work`: its staging folder is deleted, and if it
 * died between the two renames of the swap, the previous site is put back as `out`.
 * @param {{ out: string, work: string }} paths
 * @returns {Promise<string[]>} what was done, for the log
 */
export async function recover({ out, work }) {
  if (!existsSync(work)) return [];
  const name = basename(out);
  const done = [];
  const leftovers = (await readdir(work))
    .map((entry) => ({ entry, match: /^(.+)\.(next|previous)-(\d+)$/.exec(entry) }))
    .filter(({ match }) => match && match[1] === name && !alive(Number(match[3])));
  for (const { entry, match } of leftovers) {
    const path = join(work, entry);
    if (match[2] === 'previous' && !existsSync(out)) {
      await rename(path, out);
      done.push(`restored ${name}/ from an interrupted build`);
    } else {
      await rm(path, { recursive: true, force: true });
      done.push(`removed ${entry} left by an interrupted build`);
    }
  }
  return done;
}

/**
 * Produces a new site and swaps it in as `out` only if `produce` succeeds and `verify` accepts it.
 * `produce(staging, signal)` builds into the empty folder `staging` and resolves true on success;
 * `signal` aborts when the build is interrupted (Ctrl+C, SIGTERM, SIGHUP, its parent process gone)
 * or when the caller's own `signal` aborts. `retire(previous)` takes the site that was replaced
 * (by default it is deleted): if it fails, the site is deleted.
 * @param {{
 *   out: string,
 *   work: string,
 *   produce: (staging: string, signal: AbortSignal) => Promise<boolean>,
 *   verify?: (staging: string) => boolean | Promise<boolean>,
 *   signal?: AbortSignal,
 *   retire?: (previous: string) => Promise<void>,
 * }} options
 * @returns {Promise<{ published: boolean, interrupted: boolean }>}
 */
export async function publish({ out, work, produce, verify = () => true, signal, retire }) {
  for (const folder of [work, dirname(out)]) {
    await mkdir(folder, { recursive: true }).catch((error) => {
      throw new PublishError(
        `${shown(folder)}/ could not be created (${error.message}): ${WRITABLE(folder)}`,
      );
    });
  }
  if ((await stat(work)).dev !== (await stat(dirname(out))).dev) {
    throw new PublishError(
      `${shown(out)} must be on the same disk as ${shown(work)}/, so that it can be swapped in at once: build elsewhere with --out`,
    );
  }
  const staging = join(work, `${basename(out)}.next-${process.pid}`);
  const previous = join(work, `${basename(out)}.previous-${process.pid}`);
  await rm(staging, { recursive: true, force: true });

  const controller = new AbortController();
  const interrupt = () => controller.abort();
  const stopListening = onStop(interrupt);
  if (signal?.aborted) interrupt();
  signal?.addEventListener('abort', interrupt);
  let ok = false;
  try {
    ok = (await produce(staging, controller.signal)) && (await verify(staging));
  } catch (error) {
    console.error(error);
    ok = false;
  }
  const interrupted = controller.signal.aborted;
  try {
    if (!ok || interrupted) return { published: false, interrupted };
    // Two renames on one file system: `out` holds the old site or the new one, never a mix of the
    // two. Between the renames (microseconds) `out` does not exist, so a server reading it directly
    // may answer one request with a 404; hosts that deploy by copying `dist/` never see that.
    // A crash between them is undone by recover() at the next build.
    try {
      if (existsSync(out)) await rename(out, previous);
    } catch (error) {
      throw new PublishError(`${shown(out)}/ could not be replaced (${error.message}): ${WRITABLE(out)}`);
    }
    try {
      await rename(staging, out);
    } catch (error) {
      if (existsSync(previous) && !existsSync(out)) await rename(previous, out);
      throw new PublishError(`${shown(out)}/ could not be written (${error.message}): ${WRITABLE(out)}`);
    }
    if (retire && existsSync(previous)) {
      try {
        await retire(previous);
      } catch (error) {
        console.warn(`The old site could not be kept for the next build (${error.message}): it is removed.`);
      }
    }
    await rm(previous, { recursive: true, force: true }).catch((error) => {
      console.warn(
        `The new site is published, but the old one could not be removed from ${previous} (${error.message}).`,
      );
    });
    return { published: true, interrupted: false };
  } finally {
    stopListening();
    signal?.removeEventListener('abort', interrupt);
    // Whatever happened, the staging folder goes: published, it is `out` now; if not, it is unused.
    await rm(staging, { recursive: true, force: true });
  }
}
