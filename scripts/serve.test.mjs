// The local static server (`npm start`, `npm run preview`, the e2e suite): odd requests get an
// answer and never stop it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStaticServer, listen } from './serve.mjs';

let root;
let server;
let port;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'serve-'));
  mkdirSync(join(root, 'themes'));
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, '404.html'), '<p>missing</p>');
  writeFileSync(join(root, 'themes', 'index.html'), '<p>themes</p>');
  server = createStaticServer({ root, base: '/sub/' });
  ({ port } = await listen(server, 0, '127.0.0.1'));
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

/** Sends a raw request path, as a client may, and resolves with the status and body. */
function get(path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body, location: res.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static server', () => {
  test('serves pages under the base path, and redirects a folder to its slash', async () => {
    expect(await get('/sub/')).toMatchObject({ status: 200, body: '<p>home</p>' });
    expect(await get('/sub/themes/')).toMatchObject({ status: 200, body: '<p>themes</p>' });
    expect(await get('/sub/themes')).toMatchObject({ status: 301, location: '/sub/themes/' });
    expect(await get('/sub')).toMatchObject({ status: 301, location: '/sub/' });
  });

  test.each([
    ['a path starting with two slashes', '//', 404],
    ['a protocol-relative path', '//evil.example/sub/', 404],
    ['a path climbing out of the folder', '/sub/../../etc/passwd', 404],
    ['an encoded climb', '/sub/%2e%2e/%2e%2e/etc/passwd', 404],
    ['a broken escape', '/sub/%E0%A4%A', 400],
  ])('answers %s and keeps serving', async (_, path, status) => {
    expect((await get(path)).status).toBe(status);
    expect((await get('/sub/')).status).toBe(200);
  });
});
