/**
 * The content layer's reader of the four collections, replacing Astro's glob() loader. It lists
 * and reads files with the code of `npm run check:content` (`files.ts`: regular files
 * only, never through a link, strict UTF-8) and gives them the check's ids (`check.ts`), so the
 * check and the build cannot disagree about what a file is. Each markdown body is checked and
 * parsed into passages once, here, and the parse is stored with the entry; a file whose text has
 * not changed since the last build is not parsed at all. Theme tagging, which depends on other
 * entries, is left to the model (`site.ts`). Uses only the public loader API.
 */
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { identify, type IdentifiedFile } from './check.ts';
import { contentFileSize, readCollection } from './files.ts';
import { codeFingerprint } from './fingerprint.ts';
import { takeOver } from './handoff.ts';
import { imageOf, imageProblems, imageRelativeToEntry } from './images.ts';
import { issueProblems, PARSE_OPTIONS } from './issues.ts';
import { parseBody, useParseSource, type BodyParse } from './markdown.ts';
import { ParseCache } from './parse-cache.ts';
import { SCHEMAS, type CollectionName } from './schemas.ts';
import { failureMessage } from './validate.ts';

/** What the loader stores in an entry's `rendered.metadata` for a markdown body. */
export interface StoredParse {
  /** The body checked and parsed, or nothing when parsing failed (the model reports why). */
  parse?: BodyParse;
  /** The line of the file on which the body begins, for messages about the body. */
  bodyLine: number;
}

/** The meta key under which the fingerprint of the code that stored the entries is kept. */
export const CODE_KEY = 'code-fingerprint';

/** Collections whose body is published, and so parsed. */
const WITH_BODY = new Set<CollectionName>(['analyses', 'experts', 'commentaries']);

/** One problem with a file, as `npm run check:content` writes it: `file › field: message`. */
export function problemLine(file: string, field: string, message: string): string {
  return `${file} › ${field}: ${message}`;
}

/**
 * Why a file's frontmatter does not fit the collection's schema, in the check's words (its first
 * problem), or the first line of the error the content layer threw.
 */
export function schemaProblem(collection: CollectionName, file: IdentifiedFile, error: unknown): string {
  const schema: z.ZodType = SCHEMAS[collection];
  try {
    const parsed = schema.safeParse(file.data, PARSE_OPTIONS);
    const [first] = parsed.success
      ? []
      : parsed.error.issues.flatMap((issue) => issueProblems(issue, schema));
    if (first) return problemLine(file.file.file, first.field, first.message);
  } catch {
    // Reported below in the content layer's words.
  }
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return problemLine(file.file.file, 'frontmatter', message);
}

/** The problem with an identified file that keeps it out of the store, if any. */
export function identityProblem({ file, read, data, id, duplicateOf }: IdentifiedFile): string | undefined {
  if (duplicateOf) {
    return problemLine(
      file.file,
      data.slug ? 'slug' : 'id',
      `has the same id "${id}" as ${duplicateOf.file}: rename or remove one of the two files`,
    );
  }
  if (!read.ok) return problemLine(file.file, file.unreadable?.field ?? 'frontmatter', read.message);
  return undefined;
}

/** Checks and parses a body for storing; a body that cannot be parsed is stored without a parse. */
export function storedParse(body: string, bodyLine: number): StoredParse {
  try {
    return { parse: parseBody(body), bodyLine };
  } catch {
    // validate.ts parses it again and reports the failure against the file.
    return { bodyLine };
  }
}

/** A path under `folder` that the loader reads: a visible `.md` file, as `files.ts` lists them. */
export function isContentPath(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  if (inside.startsWith('..') || resolve(folder, inside) !== resolve(path)) return false;
  return inside.endsWith('.md') && !inside.split(sep).some((part) => part.startsWith('.'));
}

/** What changes when an image file is replaced: its size and modification time. */
function imageStamp(top: string, path: string): string {
  try {
    const stats = statSync(resolve(top, path));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'none';
  }
}

/** Loads one collection from `contentDir` (relative to the project, or absolute). */
export function contentLoader(collection: CollectionName, contentDir: string): Loader {
  return { name: 'perspectives-content', load: (context) => load(context, collection, contentDir) };
}

/** The project and code whose parse cache is in use in this process. */
let parseCacheOf: { root: string; fingerprint: string } | undefined;

async function load(context: LoaderContext, collection: CollectionName, contentDir: string) {
  const { store, meta, logger, watcher } = context;
  const root = fileURLToPath(context.config.root);
  const top = resolve(root, contentDir);
  const folder = resolve(top, collection);
  const sizeOf = (path: string) => contentFileSize(top, path);

  // Entries stored by other parsing or schema code than this are not trusted.
  const fingerprint = codeFingerprint(root);
  if (meta.get(CODE_KEY) !== fingerprint) {
    store.clear();
    meta.set(CODE_KEY, fingerprint);
  }
  // A build's content check, in this process, has just read every file and parsed every body: it
  // hands them over. Otherwise the parses it wrote to disk are read, once per process.
  const checked = takeOver(root, contentDir, fingerprint, collection);
  if (checked) {
    parseCacheOf = { root, fingerprint };
    useParseSource(checked.parses);
  } else if (parseCacheOf?.root !== root || parseCacheOf.fingerprint !== fingerprint) {
    parseCacheOf = { root, fingerprint };
    useParseSource(ParseCache.read(root, fingerprint));
  }

  /** Reads the folder into the store (the first time, as the check read it); returns the problems found and the paths (re)parsed. */
  let handed = checked?.files;
  const sync = async () => {
    const problems: string[] = [];
    const changed: string[] = [];
    const present = new Set<string>();
    const files = handed ?? identify(readCollection(root, contentDir, collection).files);
    handed = undefined;
    for (const file of files) {
      const problem = identityProblem(file);
      // Present even when unreadable now: in `astro dev`, the last good version stays on the site.
      if (!file.duplicateOf) present.add(file.id);
      if (problem !== undefined || !file.read.ok) {
        if (problem !== undefined) problems.push(problem);
        continue;
      }
      const { id, data } = file;
      const full = resolve(folder, file.file.path);
      const filePath = relative(root, full).split(sep).join('/');
      // An image replaced under the same name changes the entry too (its size, its width and height).
      const image = imageOf(collection, data)?.file;
      const digest = context.generateDigest(
        image === undefined ? file.file.source : `${file.file.source}\u0000${imageStamp(top, image)}`,
      );
      // Stored from the same text and image by the same code (else the store was cleared): checked then.
      const existing = store.get(id);
      if (existing?.digest === digest && existing.filePath === filePath) continue;
      // The check's own schema first: its messages, and the image's file checked as the check does.
      if (SCHEMAS[collection].safeParse(data, PARSE_OPTIONS).success) {
        const images = imageProblems(collection, data, sizeOf);
        if (images.length > 0) {
          problems.push(...images.map((p) => problemLine(file.file.file, p.field, p.message)));
          continue;
        }
      }
      let parsed: Record<string, unknown>;
      try {
        // Astro's image() resolves a path from the entry's file: editors write it from the content folder.
        const forAstro = imageRelativeToEntry(collection, data, top, full);
        parsed = await context.parseData({ id, data: forAstro, filePath: full });
      } catch (error) {
        problems.push(schemaProblem(collection, file, error));
        continue;
      }
      const { body, bodyLine } = file.read;
      const rendered = WITH_BODY.has(collection)
        ? { html: '', metadata: { ...storedParse(body, bodyLine) } }
        : undefined;
      // set() ignores an entry whose digest is unchanged, as after a move: replace it outright.
      store.delete(id);
      store.set({ id, data: parsed, body, filePath, digest, ...(rendered ? { rendered } : {}) });
      changed.push(file.file.path);
    }
    for (const id of store.keys()) if (!present.has(id)) store.delete(id);
    return { problems, changed };
  };

  const first = await sync();
  logger.info(
    `${first.changed.length} of ${store.keys().length} entries read, the others unchanged since the last run`,
  );
  if (!watcher) {
    // A build: a file the check refuses never reaches a page (the check has said why already).
    if (first.problems.length > 0) throw new Error(first.problems.map((p) => `error: ${p}`).join('\n'));
    return;
  }
  for (const problem of first.problems) logger.error(`error: ${problem}. It is left out until it is fixed.`);

  // `astro dev`: any saved, added or removed file syncs the folder again (unchanged files are skipped).
  const SETTLE_MS = 150;
  watcher.add(folder);
  let queue = Promise.resolve();
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const onEvent = (path: string) => {
    if (!isContentPath(folder, path)) return;
    // A save may come as several events (a file emptied, then written): read once it is quiet, or
    // the empty file in between would be reported as a mistake the editor never made.
    clearTimeout(quiet);
    quiet = setTimeout(syncNow, SETTLE_MS);
  };
  const syncNow = () => {
    queue = queue
      .then(async () => {
        const { problems, changed } = await sync();
        for (const problem of problems)
          logger.error(
            `error: ${problem}. The site shows the file as it was before this save until it is fixed.`,
          );
        for (const path of changed) logger.info(`Reloaded data from ${path}`);
      })
      .catch((error: unknown) => logger.error(`error: ${folder} › folder: ${failureMessage(error)}`));
  };
  watcher.on('add', onEvent);
  watcher.on('change', onEvent);
  watcher.on('unlink', onEvent);
}
