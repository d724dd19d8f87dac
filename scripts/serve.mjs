#!/usr/bin/env node
// A plain static file server for the built site, mounted at the base path, like any static host.
// Usage: node scripts/serve.mjs [--dir dist] [--port 4321] [--host 127.0.0.1]   (BASE_PATH sets the mount)
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { normalizeBase } from '../src/lib/hosting.mjs';

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

/**
 * Creates an HTTP server that serves `root` under `base`: directory URLs get index.html,
 * a directory without its trailing slash is redirected, anything else missing gets 404.html.
 */
export function createStaticServer({ root, base = '/' }) {
  const top = resolve(root);
  const mount = normalizeBase(base);
  const send = (res, status, file, method) => {
    res.writeHead(status, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };
  const notFound = async (res, method) => {
    const page = join(top, '404.html');
    if (await fileAt(page)) return send(res, 404, page, method);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
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
    if (!pathname.startsWith(mount)) return notFound(res, method);
    const relative = normalize(pathname.slice(mount.length));
    const target = resolve(top, relative);
    if (target !== top && !target.startsWith(top + sep)) return notFound(res, method);
    const found = await fileAt(target);
    if (found === 'directory') {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = join(target, 'index.html');
      if (await fileAt(index)) return send(res, 200, index, method);
      return notFound(res, method);
    }
    if (found) return send(res, 200, found, method);
    return notFound(res, method);
  };

  // No request, however odd, may stop the server.
  return createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}

/** Starts the server and resolves with its address once it listens. */
export function listen(server, port, host) {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen(server.address()));
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
  await listen(server, Number(values.port), values.host);
  console.log(`Serving ${values.dir}/ at http://${values.host}:${values.port}${base}  (Ctrl+C to stop)`);
}
