/**
 * A fingerprint of the code that turns content files into stored entries. Astro keeps its content
 * store between builds and clears it only when `content.config.ts`, the Astro config or Astro's
 * version changes; an entry stored by an older parser or schema must not outlive that code, so
 * the content loader clears its collection when this fingerprint changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders of the code that content.config.ts runs: the content layer and what it imports. */
export const CODE_FOLDERS = ['src/content', 'src/model', 'src/util', 'src/search/shared'] as const;

/** The files, relative to the project, whose text decides what the loader stores. */
export function fingerprintInputs(root: string): string[] {
  const code = CODE_FOLDERS.flatMap((folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
          .filter((path) => /\.(ts|mjs)$/.test(path) && !/\.test\.(ts|mjs)$/.test(path))
          .map((path) => `${folder}/${path.split('\\').join('/')}`)
      : [],
  );
  return [...code, 'src/content.config.ts', 'package-lock.json'].sort();
}

/** A digest of the names and texts of `files` (relative to `root`); a missing file counts as empty. */
export function fingerprintOf(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    let text: Buffer;
    try {
      text = readFileSync(join(root, file));
    } catch {
      text = Buffer.alloc(0);
    }
    hash.update(`${file}\u0000${text.length}\u0000`).update(text);
  }
  return hash.digest('hex');
}

/** The fingerprint of the project's content code. */
export function codeFingerprint(root: string): string {
  return fingerprintOf(root, fingerprintInputs(root));
}
