#!/usr/bin/env node
// A plain static file server for the built site, mounted at the base path, like any static host.
// Usage: node scripts/serve.mjs [--dir dist] [--port 4321] [--host 127.0.0.1]   (BASE_PATH sets the mount)
import { createServer } from 'node:http';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { normalizeBase } from '../src/outputs/hosting.mjs';
import { exitCodeFor, onStop } from './signals.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  // What Astro's image pipeline writes for lead images and portraits, and their link previews.
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
};

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : info.isDirectory() ? 'directory' : undefined;
  } catch {
    return undefined;
  }
}

/** Errors that pass once the build has swapped dist/ in or a few requests have finished. */
const TRANSIENT = new Set(['ENOENT', 'EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY']);

/** Answers a request whose file could not be read: 503 (try again) if that may pass, else 500. */
function failed(res, error) {
  if (res.headersSent) return res.destroy();
  const status = TRANSIENT.has(error?.code) ? 503 : 500;
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
  if (status === 503) headers['Retry-After'] = '1';
  res.writeHead(status, headers).end(status === 503 ? 'Busy, try again\n' : 'Server error\n');
}

/**
 * Creates an HTTP server that serves `root` under `base`: directory URLs get index.html,
 * a directory without its trailing slash is redirected, anything else missing gets 404.html.
 */
export function createStaticServer({ root, base = '/' }) {
  const top = resolve(root);
  const mount = normalizeBase(base);
  /** The identity of the served folder, which changes when a build swaps a new one in. */
  const folder = async () => {
    try {
      const info = await stat(top);
      return info.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
    } catch {
      return undefined;
    }
  };

  // The file is opened before any header is sent, so that a failure to open it (the file gone
  // while `npm run build` swaps dist/, EMFILE when out of file descriptors) still gets an answer.
  // Resolves false, having answered nothing, if the file is gone.
  const send = async (res, status, file, method) => {
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (error.code === 'ENOENT') return false;
      failed(res, error);
      return true;
    }
    try {
      res.writeHead(status, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (method === 'HEAD') res.end();
      // A read error once the answer has begun cannot change its status: the connection is
      // closed, so that the client sees an incomplete answer rather than a short page.
      else await pipeline(handle.createReadStream({ autoClose: false }), res).catch(() => res.destroy());
      return true;
    } finally {
      await handle.close().catch(() => {});
    }
  };

  /** The file for a path inside the folder: `{ file }`, `{ redirect }` to add a slash, or `{}`. */
  const lookup = async (pathname) => {
    if (!pathname.startsWith(mount)) return {};
    const target = resolve(top, normalize(pathname.slice(mount.length)));
    if (target !== top && !target.startsWith(top + sep)) return {};
    const found = await fileAt(target);
    if (found !== 'directory') return found ? { file: found } : {};
    if (!pathname.endsWith('/')) return { redirect: true };
    const index = join(target, 'index.html');
    return (await fileAt(index)) ? { file: index } : {};
  };

  const handle = async (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let url;
    let pathname;
    try {
      // Prefixed, not resolved against a base: `new URL('//x', base)` would read "x" as a host.
      const target = req.url ?? '/';
      url = new URL(`http://localhost${target.startsWith('/') ? '' : '/'}${target}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (`${pathname}/` === mount) {
      res.writeHead(301, { Location: mount + url.search }).end();
      return;
    }
    // A build swaps a new folder in by two renames: a file missing while that happens is looked
    // up once more in the new folder, and the answer is 503 (try again), never a false 404.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const before = await folder();
      const found = await lookup(pathname);
      if (found.redirect) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      if (found.file && (await send(res, 200, found.file, method))) return;
      const after = await folder();
      if (before !== undefined && before === after) {
        const page = join(top, '404.html');
        if ((await fileAt(page)) && (await send(res, 404, page, method))) return;
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
    }
    failed(res, { code: 'ENOENT' });
  };

  // No request, however odd, may stop the server.
  return createServer((req, res) => {
    handle(req, res).catch((error) => failed(res, error));
  });
}

/**
 * Starts the server and resolves with its address once it listens. Errors after that (a refused
 * connection when out of file descriptors) are logged, and the server keeps serving.
 */
export function listen(server, port, host) {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.on('error', (error) => console.error(`Server: ${error.message}`));
      resolveListen(server.address());
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: process.env.PORT ?? '4321' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    },
  });
  const base = normalizeBase(process.env.BASE_PATH);
  if (!(await fileAt(join(values.dir, 'index.html')))) {
    console.error(`No built site in ${values.dir}/: run npm run build first.`);
    process.exit(1);
  }
  const server = createStaticServer({ root: values.dir, base });
  // Ctrl+C, SIGTERM, SIGHUP or the end of `npm run preview` stops it: nothing keeps listening.
  onStop((signal) => process.exit(exitCodeFor(signal)));
  // The port listened on, which is a free one chosen by the system for --port 0.
  const { port } = await listen(server, Number(values.port), values.host);
  console.log(`Serving ${values.dir}/ at http://${values.host}:${port}${base}  (Ctrl+C to stop)`);
}
