// Plain JavaScript so that scripts/build.mjs and the build's integrations can both import it unbuilt.
//
// scripts/build.mjs builds into the site the last build replaced, brought up to date with the
// published one (scripts/kept.mjs), and does that while Astro's process starts (a quarter of a
// second at 1,000 commentaries, which the build no longer waits for). Astro writes nothing into
// its output folder before `astro:build:start`: there, its process asks whether the folder is
// ready and waits for the answer (src/outputs/integration.ts). Asking, rather than waiting for a
// message, means no answer can arrive before anyone listens for it.

/** Set to '1' in the environment of an Astro process that must ask before it builds. */
export const OUT_READY = 'PERSPECTIVES_OUT_READY';

const ASK = 'perspectives:out-folder-ready?';
const ANSWER = 'perspectives:out-folder-ready';

/**
 * In Astro's process: resolves once the script that started it says the output folder is ready,
 * with the paths of the files the folder holds then (below the search bundle's folder aside) when
 * it said (it has just brought them up to date); at once, with none, when no such script waits to
 * say so (`astro build` run on its own).
 * @param {Record<string, string | undefined>} [env]
 * @returns {Promise<string[] | undefined>}
 */
export function outFolderReady(env = process.env) {
  if (env[OUT_READY] !== '1' || !process.send || !process.connected) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    /** @param {unknown} message */
    const listen = (message) => {
      const answer = /** @type {{ type?: unknown, files?: unknown } | null} */ (message);
      if (answer?.type !== ANSWER) return;
      // A listener keeps the channel, and so the process, alive: it goes once answered.
      process.off('message', listen);
      const { files } = answer;
      resolve(Array.isArray(files) && files.every((f) => typeof f === 'string') ? files : undefined);
    };
    process.on('message', listen);
    process.send?.({ type: ASK });
  });
}

/**
 * In the script: if `message` is the question, answers it once `ready` has settled, whether the
 * folder could be brought up to date or not (then it is empty), with the paths of the files it
 * holds if `ready` gives them. True if it was the question.
 * @param {unknown} message
 * @param {import('node:child_process').ChildProcess} child
 * @param {Promise<string[] | undefined>} ready
 * @returns {boolean}
 */
export function answerOutReady(message, child, ready) {
  if (/** @type {{ type?: unknown } | null} */ (message)?.type !== ASK) return false;
  /** @param {string[] | undefined} files */
  const answer = (files) => {
    // A process that has ended meanwhile needs no answer.
    if (child.connected) child.send({ type: ANSWER, ...(files ? { files } : {}) }, undefined, {}, () => {});
  };
  ready.then(answer, () => answer(undefined));
  return true;
}
