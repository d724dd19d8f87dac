// Replaces a published folder only with a complete new one, so that readers never see a broken
// or half-written site: the new site is produced in a staging folder beside the old one and
// swapped in by renaming, and a failed, interrupted or crashed build leaves the old one as it was.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
 * `signal` aborts when the build is interrupted (Ctrl+C, SIGTERM).
 * @param {{
 *   out: string,
 *   work: string,
 *   produce: (staging: string, signal: AbortSignal) => Promise<boolean>,
 *   verify?: (staging: string) => boolean | Promise<boolean>,
 * }} options
 * @returns {Promise<{ published: boolean, interrupted: boolean }>}
 */
export async function publish({ out, work, produce, verify = () => true }) {
  await mkdir(work, { recursive: true });
  await mkdir(dirname(out), { recursive: true });
  if ((await stat(work)).dev !== (await stat(dirname(out))).dev) {
    throw new Error(`${out} must be on the same disk as ${work}, so that it can be swapped in at once.`);
  }
  const staging = join(work, `${basename(out)}.next-${process.pid}`);
  const previous = join(work, `${basename(out)}.previous-${process.pid}`);
  await rm(staging, { recursive: true, force: true });

  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  let ok = false;
  try {
    ok = (await produce(staging, controller.signal)) && (await verify(staging));
  } catch (error) {
    console.error(error);
    ok = false;
  }
  const interrupted = controller.signal.aborted;
  try {
    if (!ok || interrupted) {
      await rm(staging, { recursive: true, force: true });
      return { published: false, interrupted };
    }
    // Two renames on one file system: `out` holds the old site or the new one, never a mix of the
    // two. Between the renames (microseconds) `out` does not exist, so a server reading it directly
    // may answer one request with a 404; hosts that deploy by copying `dist/` never see that.
    // A crash between them is undone by recover() at the next build.
    if (existsSync(out)) await rename(out, previous);
    await rename(staging, out);
    await rm(previous, { recursive: true, force: true });
    return { published: true, interrupted: false };
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
