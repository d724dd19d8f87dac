// Plain JavaScript so that the content config, the Node scripts and the tests can all import it.

/**
 * The folder that holds the four collections, from CONTENT_DIR (default `content`), relative to
 * the project root unless absolute, without a trailing slash. Tests point it at small fixtures.
 * @param {Record<string, string | undefined>} env
 * @returns {string}
 */
export function contentDirFromEnv(env) {
  const raw = (env.CONTENT_DIR ?? '').trim();
  const dir = raw === '' ? 'content' : raw.replace(/\/+$/, '');
  return dir === '' ? '/' : dir;
}
