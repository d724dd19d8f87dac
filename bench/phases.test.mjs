import { describe, expect, test } from 'vitest';
import { buildPhases, processCpu, routeOf, routeTimes, seconds } from './phases.mjs';

// The shape of a real build's log (scripts/build.mjs, Astro 7.3), shortened.
const LOG = `✓ content/ is ready to publish: 334 analyses, 63 experts, 12 themes, 1000 commentaries (2.4 s).
09:29:01 [content] Syncing content
09:29:03 [perspectives-content] 1 of 1000 entries read, the others unchanged since the last run
09:29:05 [content] Synced content
09:29:05 [types] Generated 4.06s
09:29:05 [build] ✓ Completed in 4.10s.
09:29:05 [build] Building static entrypoints...
09:29:07 [vite] ✓ built in 2.49s
09:29:07 [vite] ✓ built in 38ms
09:29:07 [build] Rearranging server assets...

\u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m
09:29:07   ├─ /404.html (+29ms)
09:29:08   ├─ /analyses/analysis-00300/index.html (restored)
09:29:08   ├─ /analyses/analysis-00299/index.html (restored)
09:29:09   ├─ /commentaries/a/b/index.html (+12ms)
09:30:11 ✓ Completed in 1m 4s.

09:30:11 [build] ✓ Completed in 1m 6s.
09:30:15 [perspectives:search-index] Indexed 1346 records for search (3006 KiB in /pagefind/) in 3338 ms.
09:30:15 [build] 2121 page(s) built in 1m 14s`;

describe('buildPhases', () => {
  test('reads each phase of a build from its log', () => {
    expect(buildPhases(LOG)).toEqual({
      check: 2.4,
      contentSync: 4.06,
      entrypoints: 2.49 + 0.038,
      pages: 64,
      pagefind: 3.338,
      pagefindBeside: null,
      restored: 2,
      rendered: 2,
    });
  });

  test('counts pages whose lines interleave, as when Astro renders several at once', () => {
    const log = `${LOG.split('09:29:07   ├─ /404.html')[0]}09:29:07   ├─ /404.html09:29:07   ├─ /a/index.html09:29:07   ├─ /b/index.html (restored)
09:29:07   ├─ /c/index.html (+3ms) (+5ms)
09:29:08   ├─ /d/index.html (cached) (+9ms)
09:30:11 ✓ Completed in 1m 4s.`;
    expect(buildPhases(log)).toMatchObject({ restored: 2, rendered: 3 });
  });

  test('reads how long Pagefind ran beside the pages, and what was left to wait for after them', () => {
    const log = LOG.replace(
      'in 3338 ms.',
      'in 12 ms. Pagefind indexed and wrote them while the pages rendered, in 2950 ms.',
    );
    expect(buildPhases(log)).toMatchObject({ pagefind: 0.012, pagefindBeside: 2.95 });
    const fromCheck = log.replace('while the pages rendered', 'from the content check on');
    expect(buildPhases(fromCheck)).toMatchObject({ pagefind: 0.012, pagefindBeside: 2.95 });
  });

  test('gives null for a phase the log does not show', () => {
    expect(buildPhases('Build stopped: the content has errors')).toMatchObject({
      check: null,
      contentSync: null,
      pages: null,
      pagefind: null,
    });
  });
});

describe('seconds', () => {
  test.each([
    ['6.42s', 6.42],
    ['984ms', 0.984],
    ['1m 4s', 64],
  ])('reads %s', (text, value) => expect(seconds(text)).toBeCloseTo(value, 6));
});

describe('processCpu', () => {
  test('adds up CPU by process: the check, Astro, children never waited for, anything else', () => {
    expect(
      processCpu([
        '100\t2000\tvite-node scripts/check-content.ts',
        '200\t15000\tastro build --outDir astro-out',
        '0\t2500\tchild:pagefind_extend',
        '300\t500\tbuild.mjs',
        '',
      ]),
    ).toEqual({ check: 2, astro: 15, other: 0.5, children: 2.5 });
  });
});

describe('routeOf', () => {
  test.each([
    ['/index.html', '/index.html'],
    ['/404.html', '/404.html'],
    ['/analyses/page/2/index.html', '/analyses/page/*/index.html'],
    ['/analyses/analysis-00300/citation.bib/', '/analyses/*/citation.bib/'],
    ['/commentaries/analysis-00156/expert-0055/index.html', '/commentaries/*/*/index.html'],
    ['/themes/taiwan/index.html', '/themes/*/index.html'],
    ['/themes/taiwan/expert-0003/index.html', '/themes/*/*/index.html'],
    ['/themes/taiwan/feed.xml', '/themes/*/feed.xml'],
    ['/data/bottom-lines/analysis-00001.json', '/data/bottom-lines/*.json'],
  ])('reads %s as the route %s', (path, route) => {
    expect(routeOf(path)).toBe(route);
  });
});

describe('routeTimes', () => {
  test('sums the rendered pages of each route, the costliest first, leaving restored pages out', () => {
    const log = `${LOG.split('09:29:09')[0]}09:29:09   ├─ /commentaries/a/b/index.html (+12ms)
09:29:09   ├─ /commentaries/a/c/index.html (+20ms)
09:29:09   └─ /commentaries/a/c/citation.bib/ (+3ms)
09:30:11 ✓ Completed in 1m 4s.`;
    expect(routeTimes(log)).toEqual([
      { route: '/commentaries/*/*/index.html', pages: 2, ms: 32 },
      { route: '/404.html', pages: 1, ms: 29 },
      { route: '/commentaries/*/*/citation.bib/', pages: 1, ms: 3 },
    ]);
  });
});
