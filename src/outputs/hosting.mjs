// Plain JavaScript so that astro.config.mjs and the Node scripts can import it unbuilt.

/**
 * Normalises a base path to the form Astro and our URL helper expect: a leading and trailing slash.
 * @param {string | undefined} raw
 * @returns {string}
 */
export function normalizeBase(raw) {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  if (/[?#\s]/.test(trimmed) || /^[a-z]+:/i.test(trimmed)) {
    throw new Error(`BASE_PATH must be a path such as /analysis/, not "${trimmed}".`);
  }
  const segments = trimmed.split('/').filter(Boolean);
  return `/${segments.join('/')}/`;
}

/**
 * Reads BASE_PATH and SITE_URL from an environment and returns Astro's `base` and `site`.
 * @param {Record<string, string | undefined>} env
 * @returns {{ base: string, site: string }}
 */
export function hostingFromEnv(env) {
  const base = normalizeBase(env.BASE_PATH);
  const rawSite = (env.SITE_URL ?? '').trim() || 'http://localhost:4321';
  let site;
  try {
    site = new URL(rawSite);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.org, not "${rawSite}".`);
  }
  return { base, site: site.origin };
}
