import type { AstroIntegration, AstroPrerenderer, PathWithRoute, PrerenderResult } from 'astro';
import { describe, expect, test } from 'vitest';
import {
  around,
  handingOffRecords,
  keepWrapped,
  recordsFirst,
  recordsBody,
  recordsIn,
  responseOf,
  type PrerendererSetting,
} from './prerenderer.ts';
import { RECORDS_FILE, type SearchDocument } from './records.ts';

const path = (route: string) => ({ pathname: route, route: { route } });
const routes = (paths: { route: { route: string } }[]) => paths.map((p) => p.route.route);
const records: SearchDocument[] = [{ url: '/a/', content: '<html><body><p>Oil.</p></body></html>' }];
const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status });

describe('recordsFirst', () => {
  test.each([
    ['in the middle', ['/', `/${RECORDS_FILE}`, '/b/'], [`/${RECORDS_FILE}`, '/', '/b/']],
    ['last', ['/c/', '/a/', '/b/', `/${RECORDS_FILE}`], [`/${RECORDS_FILE}`, '/c/', '/a/', '/b/']],
    ['first already', [`/${RECORDS_FILE}`, '/b/', '/a/'], [`/${RECORDS_FILE}`, '/b/', '/a/']],
    ['absent', ['/b/', '/a/'], ['/b/', '/a/']],
  ])('moves the records route first when it is %s, the others in their order', (_, given, expected) => {
    expect(routes(recordsFirst(given.map(path)))).toEqual(expected);
  });

  test('does not take another route whose name merely contains the file name', () => {
    expect(routes(recordsFirst([path('/x/'), path(`/data/${RECORDS_FILE}`)]))).toEqual([
      '/x/',
      `/data/${RECORDS_FILE}`,
    ]);
  });
});

describe('responseOf', () => {
  test('takes a bare Response or the response of a PrerenderResult', () => {
    const response = json(records);
    expect(responseOf(response)).toBe(response);
    expect(responseOf({ response, metadata: undefined } satisfies PrerenderResult)).toBe(response);
  });
});

describe('recordsBody and recordsIn', () => {
  /** The records in a response, as the build reads them. */
  const recordsOf = async (response: Response) => recordsIn(await recordsBody(response));

  test('reads the records from a clone, leaving the response for Astro to write', async () => {
    const response = json(records);
    expect(await recordsOf(response)).toEqual(records);
    expect(JSON.parse(await response.text())).toEqual(records);
  });

  test('refuses a response that is not the records, naming the route', async () => {
    await expect(recordsOf(json({ not: 'a list' }))).rejects.toThrow(
      `src/pages/${RECORDS_FILE}.ts › records: expected a list`,
    );
    await expect(recordsOf(json([], 500))).rejects.toThrow(/answered 500/);
    await expect(recordsOf(new Response('{'))).rejects.toThrow(SyntaxError);
  });
});

/** A prerenderer as an adapter might write one: a class whose methods use `this`. */
class Adapter implements AstroPrerenderer {
  name = 'adapter';
  rendered: string[] = [];
  setups = 0;
  private readonly paths = ['/', `/${RECORDS_FILE}`, '/b/'];
  async setup() {
    this.setups += 1;
  }
  async getStaticPaths() {
    return this.paths.map((p) => path(p) as unknown as PathWithRoute);
  }
  async render(request: Request, { routeData }: { routeData: { route: string } }) {
    this.rendered.push(routeData.route);
    const response = routeData.route === `/${RECORDS_FILE}` ? json(records) : new Response('<p>page</p>');
    return { response, metadata: undefined };
  }
}

const renderAll = async (prerenderer: AstroPrerenderer) => {
  await prerenderer.setup?.();
  const bodies: string[] = [];
  for (const { route } of await prerenderer.getStaticPaths()) {
    const result = await prerenderer.render(new Request(`http://x${route.route}`), { routeData: route });
    bodies.push(await responseOf(result).text());
  }
  await prerenderer.teardown?.();
  return bodies;
};

describe('handingOffRecords', () => {
  test('renders the records route first and hands its records over, every page unchanged', async () => {
    const inner = new Adapter();
    const handed: Promise<Uint8Array>[] = [];
    const bodies = await renderAll(handingOffRecords(inner, (r) => handed.push(r)));
    expect(inner.rendered).toEqual([`/${RECORDS_FILE}`, '/', '/b/']);
    expect(inner.setups).toBe(1);
    expect(handed).toHaveLength(1);
    expect(recordsIn(await handed[0]!)).toEqual(records);
    expect(bodies).toEqual([JSON.stringify(records), '<p>page</p>', '<p>page</p>']);
  });

  test('offers only the optional steps the prerenderer has', () => {
    const wrapped = handingOffRecords(new Adapter(), () => undefined);
    expect(wrapped.setup).toBeTypeOf('function');
    expect(wrapped.teardown).toBeUndefined();
    expect(wrapped.collectStaticImages).toBeUndefined();
  });
});

describe('around and keepWrapped', () => {
  const astroDefault = { name: 'astro:default' } as AstroPrerenderer;
  const adapter = { name: 'adapter' } as AstroPrerenderer;
  const wrap = (inner: AstroPrerenderer) => ({ ...inner, name: `wrapped ${inner.name}` });

  test('around wraps Astro’s default, a prerenderer, or what a function makes of the default', () => {
    expect(around(undefined, wrap)(astroDefault).name).toBe('wrapped astro:default');
    expect(around(adapter, wrap)(astroDefault).name).toBe('wrapped adapter');
    const fromDefault = (d: AstroPrerenderer) => ({ ...d, name: `${d.name} via function` });
    expect(around(fromDefault, wrap)(astroDefault).name).toBe('wrapped astro:default via function');
  });

  /** Runs `astro:build:start` of each integration in order as Astro does: the last setting wins. */
  const buildStart = async (integrations: AstroIntegration[]) => {
    let setting: PrerendererSetting | undefined;
    for (const integration of integrations)
      await integration.hooks['astro:build:start']?.({
        logger: undefined as never,
        setPrerenderer: (value) => (setting = value),
      });
    if (setting === undefined) return astroDefault;
    return typeof setting === 'function' ? setting(astroDefault) : setting;
  };
  const setting = (name: string, value: PrerendererSetting): AstroIntegration => ({
    name,
    hooks: { 'astro:build:start': ({ setPrerenderer }) => setPrerenderer(value) },
  });
  const ours = (integrations: () => AstroIntegration[]): AstroIntegration => {
    const self: AstroIntegration = {
      name: 'ours',
      hooks: {
        'astro:config:done': () => {
          latest = keepWrapped(integrations(), self, wrap);
        },
        'astro:build:start': ({ setPrerenderer }) => setPrerenderer(around(latest(), wrap)),
      },
    };
    let latest: () => PrerendererSetting | undefined = () => undefined;
    return self;
  };
  const configure = (integrations: AstroIntegration[]) => {
    for (const integration of integrations)
      (integration.hooks['astro:config:done'] as (() => void) | undefined)?.();
    return buildStart(integrations);
  };

  test.each([
    ['nothing else sets one', () => [], 'wrapped astro:default'],
    ['an adapter set one before', () => [setting('adapter', adapter)], 'wrapped adapter'],
    [
      'an integration sets a function of the default after',
      () => [setting('later', (d: AstroPrerenderer) => ({ ...d, name: `${d.name}+later` }))],
      'wrapped astro:default+later',
    ],
  ])('the hand-off stays around the prerenderer Astro uses when %s', async (_, others, expected) => {
    const list: AstroIntegration[] = [];
    const before = others().filter((o) => o.name !== 'later');
    const after = others().filter((o) => o.name === 'later');
    list.push(
      ...before,
      ours(() => list),
      ...after,
    );
    expect((await configure(list)).name).toBe(expected);
  });
});
