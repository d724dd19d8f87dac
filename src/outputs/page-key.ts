/**
 * Cache keys for Astro's incremental builds (`cacheKey` in getStaticPaths): a digest of everything
 * a page renders from the content. Astro re-renders a page whose key or code changed and copies
 * the others from the previous build; so a key must cover every value the page shows, and it does
 * by digesting the values themselves (the page's props and whatever else it reads), never a
 * summary of them. Each object of the model is digested once per build, however many pages show it.
 */
import { hash } from 'node:crypto';
import { remembered } from '../util/memo.ts';

const digests = new WeakMap<object, string>();

/**
 * An image of Astro's pipeline, by the fields that say what a page shows of it: its built address
 * (named by a digest of the file), size and format. An SVG is a component, a function carrying
 * these same fields, so it is recognised by them, not by its type.
 */
function imageText(value: unknown): string | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  const { src, width, height, format } = value as Record<string, unknown>;
  if (typeof src !== 'string' || typeof width !== 'number' || typeof height !== 'number') return undefined;
  if (typeof format !== 'string') return undefined;
  return `Image ${JSON.stringify(src)} ${width}x${height} ${format}`;
}

/**
 * From this length, a string is digested on its own (`#` and its digest) instead of being quoted
 * whole into the text of what holds it: a commentary's body, passages and HTML are read once by the
 * hash rather than escaped, copied into the commentary's text and read then.
 */
const LONG_STRING = 256;

/**
 * Below this length, an object's text stands for it in parentheses instead of being hashed: most
 * objects of a page are small (a theme's count, a name), and a hash call costs more than the
 * characters it saves the object that holds them. A digest never begins with `(`, nor does JSON.
 */
const SHORT_TEXT = 96;

/** A property name as JSON, made once per name. */
const quoted = remembered((key: string) => JSON.stringify(key));

/** A digest of a value's content: plain data, arrays, Maps, Sets and Dates; a function is refused. */
export function digestOf(value: unknown): string {
  // A JSON string begins with a quote: a long string's `#` digest is never one.
  if (typeof value === 'string' && value.length >= LONG_STRING)
    return `#${hash('sha256', value, 'base64url')}`;
  const image = imageText(value);
  if (image !== undefined) return image;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function')
      throw new TypeError('a page key cannot digest a function: pass the data it returns');
    // `undefined` and symbols have no JSON: name their type, so that they differ from a string.
    return value === undefined || typeof value === 'symbol' ? `<${typeof value}>` : JSON.stringify(value);
  }
  const known = digests.get(value);
  if (known) return known;
  // One string per object, hashed in one call: far cheaper than a hash object per value.
  let text: string;
  if (value instanceof Date) text = `Date ${value.toISOString()}`;
  else if (value instanceof URL) text = `URL ${value.href}`;
  else if (value instanceof Map) {
    text = 'Map';
    for (const [k, v] of value) text += `${digestOf(k)}=${digestOf(v)};`;
  } else if (value instanceof Set) {
    text = 'Set';
    for (const v of value) text += `${digestOf(v)};`;
  } else if (Array.isArray(value)) {
    text = 'Array';
    for (const v of value) text += `${digestOf(v)};`;
  } else {
    text = 'Object';
    for (const [k, v] of Object.entries(value)) text += `${quoted(k)}=${digestOf(v)};`;
  }
  const digest = text.length < SHORT_TEXT ? `(${text})` : hash('sha256', text, 'base64url');
  digests.set(value, digest);
  return digest;
}

/** The `cacheKey` of a page that renders `parts` (its props, and anything else it reads). */
export function pageKey(...parts: unknown[]): string {
  return digestOf(parts);
}
