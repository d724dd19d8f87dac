/**
 * The search records derived from the content the build's check has just read
 * (src/content/integration.ts), so that Pagefind starts indexing at the very start of `astro build`,
 * before Astro has synced the content, bundled the code or listed a page's paths, instead of
 * waiting for the records route. They are the same records: the same model code
 * (`buildModel`) and record code (`searchDocuments`) on the same checked entries, in the order
 * the build's `loadContent` gives them. The build still renders the records route and compares
 * its records with these by digest (`recordsDigest`, in integration.ts): if they differ, it warns
 * and indexes the route's instead, so that a build that succeeds always has the index of the
 * records it derived itself.
 * A large archive's records are not derived here: they are left to scripts/build.mjs, which
 * indexes them after Astro's process (pagefind.mjs), and holding them through the build would
 * only raise its memory.
 */
import { createHash } from 'node:crypto';
import type { ContentInput } from '../../content/validate.ts';
import { buildModel } from '../../model/model.ts';
import { byId } from '../../util/text.ts';
import { indexAfterAstro } from './pagefind.mjs';
import { recordsText, searchDocuments, type SearchDocument } from './records.ts';

/**
 * The records of checked content, or `undefined` when they are left to scripts/build.mjs (`env`
 * as `indexAfterAstro` reads it) or cannot be derived here, in which case the build's records
 * route is indexed as before.
 */
export function checkedRecords(
  content: ContentInput,
  env: Record<string, string | undefined>,
): SearchDocument[] | undefined {
  // At most one record per analysis, commentary and theme: below the threshold, so are the records.
  const most = content.analyses.length + content.commentaries.length + content.themes.length;
  try {
    if (indexAfterAstro(most, env)) return undefined;
    const site = buildModel({
      analyses: byId(content.analyses),
      experts: byId(content.experts),
      themes: byId(content.themes),
      commentaries: byId(content.commentaries),
    });
    return searchDocuments(site);
  } catch {
    // The route derives them again, and whatever is wrong is reported there as before.
    return undefined;
  }
}

/** A digest of the records route's body (its text, or its bytes as Astro wrote them). */
export function bodyDigest(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/**
 * A digest of a list of records: that of the records route's body when it holds them
 * (`recordsText`), so that two lists have the same digest only if they are the same, and the
 * route's body is compared as it is, never read back into records. Compared instead of the lists,
 * so that neither list is held through the build.
 */
export function recordsDigest(records: readonly SearchDocument[]): string {
  return bodyDigest(recordsText(records));
}

/**
 * Carries the records from the content check to the search index's integration, both in
 * Astro's process: `take` is the check's `onPassed`, `claim` gives them once.
 */
export class CheckedRecords {
  private documents: SearchDocument[] | undefined;

  private readonly env: Record<string, string | undefined>;

  constructor(env: Record<string, string | undefined> = process.env) {
    this.env = env;
  }

  take = (content: ContentInput): void => {
    this.documents = checkedRecords(content, this.env);
  };

  /** The records the check derived for this build, if any; forgotten once given. */
  claim(): SearchDocument[] | undefined {
    const { documents } = this;
    this.documents = undefined;
    return documents;
  }
}
