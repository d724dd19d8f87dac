/**
 * This build's URLs: `paths` (urls.ts) bound to the base path and `site` Astro is configured
 * with, which Vite gives the code it compiles (pages, components, browser code) as
 * `import.meta.env`. The build's integrations take them from the hosting settings instead
 * (hosting.mjs): Astro loads its configuration, and the integrations with it, without Vite.
 */
import { absolute, paths, type UrlContext } from './urls.ts';

/** The URL builders of this build, bound to Astro's configured base path. */
export const urls = paths(import.meta.env.BASE_URL);

/** Turns a site path of this build into an absolute URL on Astro's configured `site` (SITE_URL). */
export const publicUrl = (path: string): string => absolute(import.meta.env.SITE, path);

/** This build's URL context; `loadLinks()` (site.ts) adds the publication's identity. */
export const links: UrlContext = { urls, absolute: publicUrl };
