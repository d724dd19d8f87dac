// Stopping the work a script started when it is asked to stop. npm runs a script through `sh -c`,
// and dash (Debian's sh) does not hand its place to the command: npm's SIGINT and SIGTERM reached
// the shell, not the script, and npm did not wait. So the scripts in package.json are `exec node …`
// (npm then passes SIGINT and SIGTERM on to the script and waits for it), and, since npm passes no
// SIGHUP on and exits at once, a long-running script also stops when its parent process is gone.
import { constants } from 'node:os';

/** The signals that ask a script to stop. */
export const STOP_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/** The exit code of a process that stopped because of `signal`, as a shell reports it: 128 + its number. */
export function exitCodeFor(signal) {
  return 128 + (constants.signals[signal] ?? 15);
}

/**
 * Calls `stop(signal)` once on SIGINT, SIGTERM or SIGHUP, or with "SIGHUP" when the process that
 * started this one ends (it is then orphaned, and nobody is left to see or stop its work).
 * The parent is watched only under npm (`npm run …`, and what those scripts start), so that a
 * script started on purpose in the background (`node scripts/serve.mjs &`) outlives its shell.
 * While it listens, those signals no longer end the process by themselves: `stop` must.
 * @param {(signal: string) => void} stop
 * @returns {() => void} a function that stops listening
 */
export function onStop(
  stop,
  { interval = 250, watchParent = process.env.npm_lifecycle_event !== undefined } = {},
) {
  const parent = process.ppid;
  let stopped = false;
  const once = (signal) => {
    if (stopped) return;
    stopped = true;
    stop(signal);
  };
  const handlers = STOP_SIGNALS.map((signal) => [signal, () => once(signal)]);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const watch =
    watchParent &&
    setInterval(() => {
      if (process.ppid !== parent) once('SIGHUP');
    }, interval);
  if (watch) watch.unref();
  return () => {
    if (watch) clearInterval(watch);
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
