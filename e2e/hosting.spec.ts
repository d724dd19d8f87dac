import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { createStaticServer, listen } from '../scripts/serve.mjs';
import { crawl } from './crawl';
import { BASE } from './env';

// The suite's main build is served under a sub-path; this builds the same site for the domain
// root and checks it there too, so that both kinds of host are proven.
test.describe('hosting at the domain root', () => {
  // One worker, one build: the tests share it.
  test.describe.configure({ mode: 'serial' });
  const out = '.build/test-root-dist';
  let server: Server;
  let origin = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], {
      env: { ...process.env, BASE_PATH: '/', SITE_URL: 'https://example.org', ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr + build.stdout.slice(-2000)).toBe(0);
    server = createStaticServer({ root: out, base: '/' });
    const address = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
    origin = `http://127.0.0.1:${address.port}`;
  });

  test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  test('every link resolves and none points at the sub-path of the other build', async ({ request }) => {
    const { reached, broken, outsideBase } = await crawl(request, origin, '/');
    expect(broken).toEqual([]);
    expect(outsideBase).toEqual([]);
    expect(reached.size).toBeGreaterThan(20);
    const home = await (await request.get(`${origin}/`)).text();
    expect(home).not.toContain(BASE);
  });

  test('the open data URLs are root paths', async ({ request }) => {
    const data = await (await request.get(`${origin}/data/commentaries.json`)).json();
    expect(data.analyses[0].url).toBe('/analyses/blinken-china-trip/');
  });
});
