/**
 * The editors' safety net: every check the content must pass before anything is built, on the
 * files as an editor wrote them. Reads the frontmatter the way Astro does, validates it with the
 * same schemas, finds what Astro only warns about (two files with one id, an empty folder), then
 * runs the cross-entry checks of `validate.ts`. Pure: the caller reads the files.
 */
import type { z } from 'astro/zod';
import { entryId } from './entry-id.ts';
import { readFrontmatter, type FrontmatterResult } from './frontmatter.ts';
import { checkSiteFile, type SiteSource } from './identity.ts';
import { imageProblems, type FileSize } from './images.ts';
import { issueProblems, PARSE_OPTIONS } from './issues.ts';
import type { AnalysisEntry, CommentaryEntry, Expert, Theme } from '../model/model.ts';
import { COLLECTIONS, SCHEMAS, type CollectionName, type SiteIdentity } from './schemas.ts';
import { compareText } from '../util/text.ts';
import {
  failureMessage,
  validateContent,
  type ContentInput,
  type Problem,
  type Unreadable,
} from './validate.ts';

/** One markdown file of a collection, as read from disk. */
export interface SourceFile {
  collection: CollectionName;
  /** Path inside the collection folder, `/`-separated: what Astro derives the id from. */
  path: string;
  /** Path as editors see it, relative to the project: `content/experts/jane-doe.md`. */
  file: string;
  source: string;
  /** Why the file could not be read (not a regular file, not UTF-8): reported against it, its id still counts. */
  unreadable?: { field: string; message: string };
}

/** A path in the content folder that is refused unread: a link, a pipe, a device. */
export interface Refused {
  /** The path as editors see it; a folder's ends in `/`. */
  file: string;
  field: 'file' | 'folder';
  message: string;
}

/** A file with its frontmatter read (whatever it holds) and the id Astro gives its entry. */
export interface IdentifiedFile {
  file: SourceFile;
  read: FrontmatterResult;
  /** The frontmatter, or nothing when it could not be read. */
  data: Record<string, unknown>;
  id: string;
  /** The earlier file of the same collection with the same id, which wins. */
  duplicateOf?: SourceFile;
}

/** Reads a frontmatter, turning any failure of the reader itself into a message about the file. */
function readSafely(source: string): FrontmatterResult {
  try {
    return readFrontmatter(source);
  } catch (error) {
    return { ok: false, message: failureMessage(error) };
  }
}

/** Reads each file's frontmatter and id, in order; of two files of a collection with one id, the first wins. */
export function identify(files: readonly SourceFile[]): IdentifiedFile[] {
  const firstFileOf = new Map<string, SourceFile>();
  return files.map((file) => {
    const read = file.unreadable
      ? { ok: false as const, message: file.unreadable.message }
      : readSafely(file.source);
    const data = read.ok ? read.data : {};
    const id = entryId(file.path, data);
    const key = `${file.collection}\u0000${id}`;
    const duplicateOf = firstFileOf.get(key);
    if (!duplicateOf) firstFileOf.set(key, file);
    return duplicateOf ? { file, read, data, id, duplicateOf } : { file, read, data, id };
  });
}

export interface FolderState {
  /** The content folder as editors see it, e.g. `content`. */
  contentDir: string;
  /** Collections whose folder does not exist. */
  missing?: readonly CollectionName[];
  /** Files inside collection folders that are not read because they do not end in `.md`. */
  ignored?: readonly string[];
  /** Paths refused unread because they are not regular files or folders. */
  refused?: readonly Refused[];
  /** The identity file, `site.yml`; its check is skipped when not given (unit tests of the collections). */
  site?: SiteSource;
  /** The size of a file of the content folder, for images; their files are not checked when not given. */
  sizeOf?: FileSize;
}

/** The problems found, and the entries that read correctly (for the scaffolding scripts). */
export interface CheckResult {
  problems: Problem[];
  content: ContentInput;
  /** The publication's identity, when `site.yml` was given and is valid. */
  site?: SiteIdentity;
  /** Each collection's files as read, in the order of their paths (for the build's loader: handoff.ts). */
  files?: Partial<Record<CollectionName, IdentifiedFile[]>>;
}

/** What an editor adds to an empty folder. */
const ADD: Record<CollectionName, string> = {
  analyses: 'an analysis (npm run new:analysis -- "Title")',
  experts: 'an expert, one file per person',
  themes: 'a theme, one file per theme',
  commentaries: 'a commentary (npm run new:commentary -- <analysis> <expert>)',
};

/**
 * Orders problems for reading: errors before warnings, a whole folder's before a file's (they
 * explain the rest), then by file, keeping each file's own order.
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank = (p: Problem) => (p.level === 'error' ? 0 : 2) + (p.file.endsWith('/') ? 0 : 1);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || compareText(a.p.file, b.p.file) || a.i - b.i)
    .map(({ p }) => p);
}

/** Checks every file of the four collections, the links between them, and `site.yml`. */
export function checkSources(files: readonly SourceFile[], folders: FolderState): CheckResult {
  const { contentDir } = folders;
  const problems: Problem[] = [];
  const content: ContentInput = { analyses: [], experts: [], themes: [], commentaries: [] };
  const unreadable: Record<CollectionName, string[]> = {
    analyses: [],
    experts: [],
    themes: [],
    commentaries: [],
  };
  const missing = new Set(folders.missing);
  const identified: Partial<Record<CollectionName, IdentifiedFile[]>> = {};

  for (const collection of COLLECTIONS) {
    const folder = `${contentDir}/${collection}/`;
    const own = files.filter((f) => f.collection === collection).sort((a, b) => compareText(a.path, b.path));
    if (missing.has(collection)) {
      problems.push({
        level: 'error',
        file: folder,
        field: 'folder',
        message: `the folder is missing: create it and add ${ADD[collection]}`,
      });
      continue;
    }
    if (own.length === 0) {
      problems.push({
        level: 'error',
        file: folder,
        field: 'folder',
        message: `the folder has no .md file: add ${ADD[collection]}`,
      });
      continue;
    }
    identified[collection] = identify(own);
    for (const { file, read, data, id, duplicateOf } of identified[collection]) {
      if (duplicateOf) {
        problems.push({
          level: 'error',
          file: file.file,
          field: data.slug ? 'slug' : 'id',
          message: `has the same id "${id}" as ${duplicateOf.file}, so one would silently replace the other (an id is the file’s name in lower case, without punctuation): rename or remove one of the two files`,
        });
        continue;
      }
      if (!read.ok) {
        const field = file.unreadable?.field ?? 'frontmatter';
        problems.push({ level: 'error', file: file.file, field, message: read.message });
        unreadable[collection].push(id);
        continue;
      }
      const schema: z.ZodType = SCHEMAS[collection];
      let parsed: ReturnType<z.ZodType['safeParse']>;
      try {
        parsed = schema.safeParse(read.data, PARSE_OPTIONS);
      } catch (error) {
        problems.push({
          level: 'error',
          file: file.file,
          field: 'frontmatter',
          message: failureMessage(error),
        });
        unreadable[collection].push(id);
        continue;
      }
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          for (const { field, message } of issueProblems(issue, schema)) {
            problems.push({ level: 'error', file: file.file, field, message });
          }
        }
        unreadable[collection].push(id);
        continue;
      }
      if (folders.sizeOf) {
        const images = imageProblems(collection, read.data, folders.sizeOf);
        for (const { field, message } of images)
          problems.push({ level: 'error', file: file.file, field, message });
        if (images.length > 0) {
          unreadable[collection].push(id);
          continue;
        }
      }
      const entry = { id, file: file.file, ...(parsed.data as object) };
      const { bodyLine } = read;
      if (collection === 'analyses')
        content.analyses.push({ ...entry, body: read.body, bodyLine } as AnalysisEntry);
      else if (collection === 'experts')
        content.experts.push({ ...entry, body: read.body, bodyLine } as Expert);
      else if (collection === 'themes') content.themes.push(entry as Theme);
      else content.commentaries.push({ ...entry, body: read.body, bodyLine } as CommentaryEntry);
    }
  }

  for (const { file, field, message } of folders.refused ?? []) {
    problems.push({ level: 'error', file, field, message });
  }

  for (const file of folders.ignored ?? []) {
    // A file that looks like markdown was meant to be published: leaving it out silently would
    // take an entry off the site, so it stops the build. Anything else is only pointed out.
    const meant = /\.(md|markdown|mdown|mkd|mdx)$/i.test(file);
    problems.push({
      level: meant ? 'error' : 'warning',
      file,
      field: 'file',
      message: meant
        ? `is not read: only files ending in lower-case .md are part of the site; rename it to ${file.replace(/\.[^./]+$/, '.md')}`
        : 'is not read: only files ending in .md are part of the site; rename it, or move it out of the content folder',
    });
  }

  const { analyses, experts, themes } = unreadable;
  const known: Unreadable = { analyses, experts, themes };
  const partial = unreadable.commentaries.length > 0;
  problems.push(...validateContent(content, { contentDir, unreadable: known, partial }));
  const identity = folders.site ? checkSiteFile(folders.site) : undefined;
  problems.push(...(identity?.problems ?? []));
  const result: CheckResult = { problems: sortProblems(problems), content, files: identified };
  return identity?.identity ? { ...result, site: identity.identity } : result;
}
