/**
 * Which addresses the site may publish as a link or an image: web and mail addresses, and links
 * inside the site. Anything else (`javascript:`, `data:`, `file:`, `vbscript:`…) is never emitted,
 * whatever the content says: a feed reader or a saved copy of a page has no CSP to stop it.
 */

/** The schemes a published link may use; a link without a scheme is relative (`/x`, `#p-…`, `?q`). */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The scheme a browser would read from `url`, lower case, or undefined for a relative link. Like
 * a browser, it ignores leading spaces and control characters and any tab or line break inside
 * (`java\tscript:` is `javascript:` to a browser).
 */
export function urlScheme(url: string): string | undefined {
  // The URL standard strips exactly these characters before it reads the scheme.
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** True when `url` is http(s), mailto or relative, so that it may be published as an href or src. */
export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme);
}

/** True for an absolute web address (`https://…` or `http://…`), as a source's address must be. */
export function isWebUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return (scheme === 'http' || scheme === 'https') && URL.canParse(url.trim());
}

/** The url when it is safe to publish as a link, else undefined (the caller shows plain text). */
export function safeHref(url: string): string | undefined {
  return isSafeUrl(url) ? url : undefined;
}
