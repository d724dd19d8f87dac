/**
 * The id Astro's glob loader gives an entry, computed the same way so that the checker can find
 * two files that would silently overwrite each other: each path segment slugged (lower case,
 * punctuation dropped), `.md` and a final `/index` removed, or a `slug` in the frontmatter.
 */
import { slug } from 'github-slugger';

/** The id of the entry at `path` (relative to its collection folder, `/`-separated). */
export function entryId(path: string, data: Record<string, unknown> = {}): string {
  if (data.slug) return String(data.slug);
  const withoutExtension = path.replace(/\.[^./]*$/, '');
  return withoutExtension
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}
