/**
 * What `npm run dev` says when an editor saves a file. Astro's glob() loader reloads a saved file
 * from a file watcher: a YAML mistake there became an unhandled rejection with a js-yaml stack, and
 * every save of a changed file warned that the file's id duplicated itself. This wraps any loader
 * so that a file that cannot be reloaded is reported in one line, as `npm run check:content`
 * reports it, and a file is never called a duplicate of itself. It uses only the public loader
 * API (the context's watcher, logger and store), so it holds across Astro versions.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFrontmatter } from './frontmatter';

type Logger = LoaderContext['logger'];
type Watcher = NonNullable<LoaderContext['watcher']>;

/**
 * The one line for a file that could not be reloaded, in the `file › field: message` form:
 * its frontmatter's mistake if it has one, else the first line of the error.
 */
export function reloadProblem(file: string, shownAs: string, error: unknown): string {
  let message: string | undefined;
  try {
    const read = readFrontmatter(readFileSync(file, 'utf8'));
    if (!read.ok) message = `frontmatter: ${read.message}`;
  } catch {
    // Unreadable now (deleted, renamed): say what the loader said.
  }
  message ??= `file: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  return `error: ${shownAs} › ${message}. The site shows the file as it was before this save until it is fixed.`;
}

const SELF_DUPLICATE = /^Duplicate id "(.+)" found in (.+?)\. Later items with the same id/;

/**
 * A logger that drops Astro's "Duplicate id" warning when the entry already stored under that id
 * comes from the same file: that is the file being saved again, not a second file. Real duplicates
 * (two files, one id) are still warned of, and `npm run check:content` reports them as errors.
 */
export function withoutSelfDuplicates(logger: Logger, store: LoaderContext['store'], root: string): Logger {
  const isSelf = (message: string) => {
    const [, id, file] = SELF_DUPLICATE.exec(message) ?? [];
    const stored = id === undefined ? undefined : store.get(id)?.filePath;
    return stored !== undefined && file !== undefined && resolve(root, stored) === resolve(file);
  };
  return new Proxy(logger, {
    get(target, property) {
      if (property === 'warn')
        return (message: string) => (isSelf(message) ? undefined : target.warn(message));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

// Astro 7's glob() catches a failed reload itself and logs it in its own words.
const FAILED_RELOAD = /^Failed to reload (.+?): /;

/**
 * A logger that turns glob()'s own "Failed to reload <file>: <error>" into the one line in the
 * check's words (`reloadProblem`); `folder` is the collection's folder the file name is relative to.
 */
export function withReloadProblems(logger: Logger, folder: string, root: string): Logger {
  return new Proxy(logger, {
    get(target, property) {
      if (property === 'error')
        return (message: string) => {
          const [, file] = FAILED_RELOAD.exec(message) ?? [];
          if (file === undefined) return target.error(message);
          const path = resolve(folder, file);
          return target.error(
            reloadProblem(path, relative(root, path), message.slice(message.indexOf(': ') + 2)),
          );
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A watcher whose listeners never reject unhandled: an error while reloading a file is passed to
 * `report` with the file's path (the listener's first argument).
 */
export function guardedWatcher(watcher: Watcher, report: (path: string, error: unknown) => void): Watcher {
  const guarded: Watcher = new Proxy(watcher, {
    get(target, property) {
      if (property === 'on' || property === 'addListener') {
        return (event: string, listener: (...args: unknown[]) => unknown) => {
          target.on(event, (...args: unknown[]) => {
            Promise.resolve()
              .then(() => listener(...args))
              .catch((error: unknown) => report(String(args[0]), error));
          });
          return guarded;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return guarded;
}

/**
 * `inner` with the watcher and logger above, reading the files under `base` (relative to the
 * project). A build (`astro build --force`, no watcher) reads every file afresh either way.
 */
export function editorFriendly(inner: Loader, base: string): Loader {
  return {
    ...inner,
    load: (context) => {
      const root = fileURLToPath(context.config.root);
      const folder = resolve(root, base);
      // Astro keeps its data store between runs of `astro dev`, and an unchanged file keeps the
      // path it was first read from: after a change of CONTENT_DIR, messages would name the old
      // folder. Entries from outside this folder are dropped, so that they are read again here.
      for (const [id, entry] of context.store.entries()) {
        if (entry.filePath && !resolve(root, entry.filePath).startsWith(folder + sep))
          context.store.delete(id);
      }
      const logger = withReloadProblems(
        withoutSelfDuplicates(context.logger, context.store, root),
        folder,
        root,
      );
      const report = (path: string, error: unknown) =>
        logger.error(reloadProblem(path, relative(root, path), error));
      const watcher = context.watcher && guardedWatcher(context.watcher, report);
      return inner.load({ ...context, logger, watcher });
    },
  };
}
