// The local static server (`npm start`, `npm run preview`, the e2e suite): odd requests get an
// answer and never stop it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createStaticServer, listen } from './serve.mjs';

// Some tests run real servers and npm: allow for a busy machine.
vi.setConfig({ testTimeout: 20_000 });

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
function get(path, at = port) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: at, path, method: 'GET', agent: false }, (res) => {
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

/**
 * Runs `node scripts/serve.mjs --dir <dir>` in a shell that first runs `limit` (e.g. `ulimit -n 40`),
 * and resolves once it listens, with its port and the process.
 */
function serveInChild(dir, limit = 'true') {
  const child = spawn('bash', ['-c', `${limit} && exec node scripts/serve.mjs --dir "$0" --port 0`, dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', () => reject(new Error(`the server ended: ${output}`)));
  });
}

/** One request on its own connection; resolves with its status, or the error code if refused or cut. */
function attempt(at) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: at, path: '/', agent: false }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.complete ? res.statusCode : 'cut'));
      res.on('error', () => resolve('cut'));
    });
    req.on('error', (error) => resolve(error.code));
    req.end();
  });
}

describe('the static server, when a file cannot be read', () => {
  let dir;
  const children = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'serve-faults-'));
    mkdirSync(join(dir, 'dist'));
    // Big enough that answers overlap and hold their files open.
    writeFileSync(join(dir, 'dist', 'index.html'), `<p>${'home '.repeat(40_000)}</p>`);
  });
  afterAll(() => {
    for (const child of children) child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('answers 503 when out of file descriptors, and keeps serving', async () => {
    const { child, port: at } = await serveInChild(join(dir, 'dist'), 'ulimit -n 40');
    children.push(child);
    const answers = await Promise.all(Array.from({ length: 200 }, () => attempt(at)));
    // Connections the system itself refuses while out of descriptors are reset (ECONNRESET);
    // every request the server took gets an answer: the page, or 503 to try again.
    const statuses = answers.filter((a) => typeof a === 'number');
    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(child.exitCode).toBe(null);
    expect((await get('/', at)).status).toBe(200);
  });

  test('keeps serving while the folder is swapped for a new build, as `npm run build` does', async () => {
    const { child, port: at } = await serveInChild(join(dir, 'dist'));
    children.push(child);
    // Swaps dist/ for a copy by two renames, as publish.mjs does, over and over for 1.5 s.
    const swapper = spawn(process.execPath, [
      '-e',
      `const fs = require('node:fs'); const d = process.argv[1];
       fs.cpSync(d + '/dist', d + '/next', { recursive: true });
       for (const end = Date.now() + 1500; Date.now() < end; ) {
         fs.renameSync(d + '/dist', d + '/previous'); fs.renameSync(d + '/next', d + '/dist');
         fs.renameSync(d + '/previous', d + '/next');
       }`,
      dir,
    ]);
    const swapped = new Promise((resolve) => swapper.on('exit', resolve));
    const answers = [];
    let done = false;
    swapped.then(() => (done = true));
    while (!done) answers.push(...(await Promise.all(Array.from({ length: 10 }, () => attempt(at)))));
    expect(await swapped).toBe(0);
    expect(child.exitCode).toBe(null);
    // 200, or 503 for a request caught between the two renames. (A 404 may still slip through when
    // the same folder is back before the answer is sent, which only this loop of swaps can do.)
    expect(answers.filter((a) => ![200, 503, 404].includes(a))).toEqual([]);
    expect(answers).toContain(200);
    expect((await get('/', at)).status).toBe(200);
  });

  test('answers 503, not 404, while the folder is missing', async () => {
    const gone = mkdtempSync(join(tmpdir(), 'serve-gone-'));
    const missing = createStaticServer({ root: gone, base: '/' });
    const { port: at } = await listen(missing, 0, '127.0.0.1');
    rmSync(gone, { recursive: true });
    try {
      expect((await get('/', at)).status).toBe(503);
      expect((await get('/a/page/', at)).status).toBe(503);
    } finally {
      missing.close();
    }
  });
});

describe('npm run preview', () => {
  let dir;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'serve-preview-'));
    writeFileSync(join(dir, 'index.html'), '<p>home</p>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // npm runs the script through `sh -c`, which kept npm's signals from the server: it went on
  // listening after npm had ended.
  test.each(['SIGINT', 'SIGTERM', 'SIGHUP'])('stops listening when npm gets %s', async (signal) => {
    const npm = spawn('npm', ['run', 'preview', '--', '--dir', dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ended = new Promise((done) => npm.on('exit', done));
    let output = '';
    const at = await new Promise((resolve) => {
      npm.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
        if (match) resolve(Number(match[1]));
      });
    });
    try {
      expect(await attempt(at)).toBe(200);
      npm.kill(signal);
      await ended;
      let answer = await attempt(at);
      for (let waited = 0; answer !== 'ECONNREFUSED' && waited < 3000; waited += 100) {
        await new Promise((wait) => setTimeout(wait, 100));
        answer = await attempt(at);
      }
      expect(answer).toBe('ECONNREFUSED');
    } finally {
      // A server left behind is ended here, found by the folder it serves.
      const left = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout.split('\n');
      for (const line of left.filter((l) => l.includes(dir) && l.includes('serve.mjs'))) {
        process.kill(Number.parseInt(line, 10), 'SIGKILL');
      }
    }
  });
});
