/**
 * What the build's content check hands to the content loader, so that a build reads and parses
 * each file once. Both run in Astro's process, but in two copies of these modules: the check with
 * the build's integrations, which Node loads with astro.config.mjs, and the loader with
 * src/content.config.ts, which Astro loads through Vite. So the hand-off goes through one
 * process-wide symbol, and holds plain data and the parses' source, used through its `get` alone:
 * nothing that depends on which copy of the modules made it. The loader takes each collection's files once;
 * `astro dev`, which runs no check, and `npm run check:content`, which hands nothing, read their own.
 */
import type { IdentifiedFile } from './check.ts';
import type { ParseSource } from './markdown.ts';
import type { CollectionName } from './schemas.ts';

/** The content a check found without error, as it read it. */
export interface CheckedFiles {
  /** The project and content folder checked, as the loader is given them. */
  root: string;
  contentDir: string;
  /** The fingerprint of the code that checked and parsed (fingerprint.ts). */
  fingerprint: string;
  /** Each collection's files, read and their frontmatter with them. */
  files: Partial<Record<CollectionName, readonly IdentifiedFile[]>>;
  /** The parse of every body checked. */
  parses: ParseSource;
}

const KEY = Symbol.for('perspectives:checked-files');
const shared = globalThis as { [KEY]?: CheckedFiles };

/** Hands over what a check found without error, in place of anything handed over before. */
export function handOver(checked: CheckedFiles): void {
  shared[KEY] = checked;
}

/**
 * Takes the files of `collection` that a check of this project's content folder, by this code,
 * handed over, with its parses; they are given once. Undefined when there are none.
 */
export function takeOver(
  root: string,
  contentDir: string,
  fingerprint: string,
  collection: CollectionName,
): { files: readonly IdentifiedFile[]; parses: ParseSource } | undefined {
  const checked = shared[KEY];
  if (!checked || checked.root !== root || checked.contentDir !== contentDir) return undefined;
  const files = checked.files[collection];
  delete checked.files[collection];
  if (Object.keys(checked.files).length === 0) delete shared[KEY];
  if (!files || checked.fingerprint !== fingerprint) return undefined;
  return { files, parses: checked.parses };
}
