/**
 * Hands the search records the build derives to the index writer while the pages are still
 * rendering: to compare with those Pagefind was given from the content check, or, without them,
 * for Pagefind (a process of its own) to index on the second core while Astro renders on the first.
 * It wraps whichever prerenderer Astro would use (Astro's own, or an adapter's) through the
 * documented `setPrerenderer` of `astro:build:start`: the records route is rendered first, and
 * its response is read (a clone) and handed over; everything else is delegated unchanged.
 */
import type { AstroIntegration, AstroPrerenderer, PathWithRoute, PrerenderResult } from 'astro';
import { RECORDS_FILE, type SearchDocument } from './records.ts';

/** What `setPrerenderer` accepts: a prerenderer, or a function of Astro's default one. */
export type PrerendererSetting =
  AstroPrerenderer | ((defaultPrerenderer: AstroPrerenderer) => AstroPrerenderer);

/** The route pattern of `src/pages/search-records.json.ts`. */
const RECORDS_ROUTE = `/${RECORDS_FILE}`;

/** Whether a route is the one that writes the search records. */
export function isRecordsRoute(route: { route: string }): boolean {
  return route.route === RECORDS_ROUTE;
}

/** The paths with the records route's moved first, the order of the others unchanged. */
export function recordsFirst<T extends { route: { route: string } }>(paths: readonly T[]): T[] {
  const first = paths.filter((path) => isRecordsRoute(path.route));
  return [...first, ...paths.filter((path) => !isRecordsRoute(path.route))];
}

/** The response of a prerenderer's `render`, which may return it bare or in a `PrerenderResult`. */
export function responseOf(result: Response | PrerenderResult): Response {
  return result instanceof Response ? result : result.response;
}

/** The body of the records route's response, read from a clone so that Astro still writes it. */
export async function recordsBody(response: Response): Promise<Uint8Array> {
  if (!response.ok)
    throw new Error(`src/pages/${RECORDS_FILE}.ts answered ${response.status} instead of the records.`);
  return new Uint8Array(await response.clone().arrayBuffer());
}

/** The records in a body of the records route (`recordsBody`, or the file Astro wrote). */
export function recordsIn(body: Uint8Array): SearchDocument[] {
  const records: unknown = JSON.parse(new TextDecoder().decode(body));
  if (!Array.isArray(records))
    throw new Error(`src/pages/${RECORDS_FILE}.ts › records: expected a list, got ${typeof records}.`);
  return records as SearchDocument[];
}

/**
 * `inner` with the records route rendered first and its body passed to `onRecords` (as a
 * promise, which rejects if it is not the records; `recordsIn` reads them) as soon as it is
 * rendered. The page itself is returned untouched.
 */
export function handingOffRecords(
  inner: AstroPrerenderer,
  onRecords: (body: Promise<Uint8Array>) => void,
): AstroPrerenderer {
  // Delegated method by method, never spread: a prerenderer may be a class whose methods use `this`,
  // and Astro calls the optional ones only when they are there.
  const wrapped: AstroPrerenderer = {
    name: inner.name,
    getStaticPaths: async (): Promise<PathWithRoute[]> => recordsFirst(await inner.getStaticPaths()),
    render: async (request, options) => {
      const result = await inner.render(request, options);
      if (isRecordsRoute(options.routeData)) onRecords(recordsBody(responseOf(result)));
      return result;
    },
  };
  if (inner.setup) wrapped.setup = () => inner.setup!();
  if (inner.collectStaticImages) wrapped.collectStaticImages = () => inner.collectStaticImages!();
  if (inner.teardown) wrapped.teardown = () => inner.teardown!();
  return wrapped;
}

/** The setting that makes Astro use `wrap` around what `setting` would have given it (Astro's default when nothing was set). */
export function around(
  setting: PrerendererSetting | undefined,
  wrap: (prerenderer: AstroPrerenderer) => AstroPrerenderer,
): (defaultPrerenderer: AstroPrerenderer) => AstroPrerenderer {
  return (defaultPrerenderer) =>
    wrap(
      setting === undefined
        ? defaultPrerenderer
        : typeof setting === 'function'
          ? setting(defaultPrerenderer)
          : setting,
    );
}

type BuildStart = NonNullable<AstroIntegration['hooks']['astro:build:start']>;

/**
 * Keeps `wrap` around the prerenderer whatever the other integrations set. Astro keeps only the last
 * `setPrerenderer` call, and runs an adapter's hooks first: without this, ours would replace an
 * adapter's prerenderer (Cloudflare's renders in workerd), or a later integration's would replace
 * ours. Each other integration's `astro:build:start` is given a `setPrerenderer` that records what it
 * sets and sets it with `wrap` around. Returns what was set last, for our own `astro:build:start`.
 */
export function keepWrapped(
  integrations: readonly AstroIntegration[],
  self: AstroIntegration,
  wrap: (prerenderer: AstroPrerenderer) => AstroPrerenderer,
): () => PrerendererSetting | undefined {
  let latest: PrerendererSetting | undefined;
  for (const integration of integrations) {
    const original = integration.hooks['astro:build:start'];
    if (integration === self || !original) continue;
    const hook: BuildStart = (options) =>
      original({
        ...options,
        setPrerenderer: (setting) => {
          latest = setting;
          options.setPrerenderer(around(setting, wrap));
        },
      });
    integration.hooks['astro:build:start'] = hook;
  }
  return () => latest;
}
