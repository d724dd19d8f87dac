/**
 * The parses of markdown bodies kept on disk between processes, so that a build parses each body
 * once and a rebuild parses only the bodies that changed. `npm run check:content` (the first step
 * of every build) writes it after checking; the content loader reads it in the Astro process.
 * Each parse is keyed by the digest of the body's text, and the whole file by the fingerprint of
 * the code that parses (`fingerprint.ts`: the code in src/content, src/model and src/util, and the locked dependencies), so an
 * edited body is parsed again and a changed rule or dependency throws every parse away.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeFingerprint } from './fingerprint.ts';
import { parseBody, type BodyParse, type ParseSource } from './markdown.ts';
import { writeWhole } from '../util/folder.mjs';

/** Where the parses are kept, relative to the project (beside Vite's and Astro's own caches). */
export const PARSE_CACHE_FILE = 'node_modules/.cache/perspectives/parses.json';

/** The file's shape: the code fingerprint it was written with, and each body's parse by digest. */
interface CacheFile {
  fingerprint: string;
  parses: Record<string, BodyParse>;
}

/** The digest a body's parse is kept under. */
export function bodyDigest(markdown: string): string {
  return createHash('sha256').update(markdown).digest('base64url');
}

/** Parses kept on disk for one project, read once; a source for `useParseSource`. */
export class ParseCache implements ParseSource {
  /** How many bodies were answered from the file (for the build's log and the tests). */
  hits = 0;

  private readonly file: string;
  private readonly fingerprint: string;
  private parses: ReadonlyMap<string, BodyParse>;

  private constructor(file: string, fingerprint: string, parses: ReadonlyMap<string, BodyParse>) {
    this.file = file;
    this.fingerprint = fingerprint;
    this.parses = parses;
  }

  /** Reads the cache of the project at `root`; empty when missing, unreadable or written by other code. */
  static read(root: string, fingerprint = codeFingerprint(root)): ParseCache {
    const file = join(root, PARSE_CACHE_FILE);
    let parses = new Map<string, BodyParse>();
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
      if (stored.fingerprint === fingerprint && stored.parses)
        parses = new Map(Object.entries(stored.parses));
    } catch {
      // No cache yet, or a damaged one: every body is parsed.
    }
    return new ParseCache(file, fingerprint, parses);
  }

  /** The parse kept for this body, if any. */
  get(markdown: string): BodyParse | undefined {
    const found = this.parses.get(bodyDigest(markdown));
    if (found) this.hits += 1;
    return found;
  }

  /**
   * Writes the parses of `bodies` (parsed now if need be) in place of the file's, so that it holds
   * the current content only, and holds them from then on. A body whose parse fails is left out:
   * whoever reads it reports why. Written to a temporary file and renamed, so that a reader never
   * sees half a file.
   */
  write(bodies: Iterable<string>): void {
    const parses = new Map<string, BodyParse>();
    for (const body of bodies) {
      try {
        parses.set(bodyDigest(body), parseBody(body));
      } catch {
        // Not kept.
      }
    }
    this.parses = parses;
    const stored: CacheFile = { fingerprint: this.fingerprint, parses: Object.fromEntries(parses) };
    writeWhole(this.file, JSON.stringify(stored));
  }

  /** The fingerprint of the code whose parses these are. */
  get code(): string {
    return this.fingerprint;
  }
}
