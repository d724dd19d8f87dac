/**
 * The editors' workspace: Sveltia CMS from node_modules at `<base>admin/`, beside the built site, on a
 * local server only (`npm run edit`). Never part of dist/: a public host gains nothing from it (the
 * local-folder mode works only on a local address) and the public pages keep their stricter CSP.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, normalize, resolve, sep } from 'node:path';
import { cmsConfig, type CmsConfig } from '../src/content/cms-config.ts';
import { createStaticServer } from './serve.mjs';

/**
 * What Sveltia CMS needs and nothing more: its own script from this origin (no eval), the styles it
 * injects as `<style>` elements (hence 'unsafe-inline' for styles only), blob: and data: images for
 * previews, and requests to this origin only. Local folder mode needs no other host; its fonts and
 * code highlighter, which it would fetch from a CDN, are refused and it falls back to system fonts.
 */
export const WORKSPACE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self' data:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The workspace page: Sveltia's script and the generated configuration, both from this folder. */
export function workspacePage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="robots" content="noindex, nofollow" />
    <meta http-equiv="Content-Security-Policy" content="${WORKSPACE_CSP}" />
    <title>Perspectives: editors’ workspace</title>
    <link href="config.json" type="application/json" rel="cms-config-url" />
  </head>
  <body>
    <script type="module" src="init.js"></script>
  </body>
</html>
`;
}

/**
 * The folder of Sveltia CMS's ES module build, as installed: the package's main module, its chunks
 * and its fonts. Unlike the single-file bundle its CDN serves, this build loads its fonts from beside
 * itself, so nothing comes from another host.
 */
export function sveltiaFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('@sveltia/cms'));
}

/** Starts Sveltia: the module build does not start itself, and an inline script would need a looser CSP. */
const INIT = "import CMS from './sveltia/index.js';\nCMS.init();\n";

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file of the workspace: its content type and body. */
interface WorkspaceFile {
  type: string;
  body: string | Buffer;
}

/** The workspace's own files, by their path under `admin/`. */
export function workspaceFiles(config: CmsConfig): Map<string, WorkspaceFile> {
  return new Map<string, WorkspaceFile>([
    ['', { type: 'text/html; charset=utf-8', body: workspacePage() }],
    ['config.json', { type: TYPES['.json']!, body: `${JSON.stringify(config, null, 2)}\n` }],
    ['init.js', { type: TYPES['.js']!, body: INIT }],
  ]);
}

/** A file of Sveltia's build for a path under `admin/sveltia/`, or undefined outside it. */
function sveltiaFile(path: string): WorkspaceFile | undefined {
  const top = sveltiaFolder();
  const target = resolve(top, normalize(path));
  const type = TYPES[extname(target)];
  if (!type || !target.startsWith(top + sep) || !existsSync(target) || !statSync(target).isFile())
    return undefined;
  return { type, body: readFileSync(target) };
}

/** The built site at `base` with the workspace at `<base>admin/`. */
export function createWorkspaceServer(options: {
  root: string;
  base: string;
  contentDir: string;
  repo?: string;
}): Server {
  const { root, base, contentDir, repo } = options;
  const site = createStaticServer({ root, base });
  const files = workspaceFiles(cmsConfig({ contentDir, repo }));
  const mount = `${base}admin/`;
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === mount.slice(0, -1)) {
      res.writeHead(301, { Location: mount }).end();
      return;
    }
    if (!path.startsWith(mount)) {
      site.emit('request', req, res);
      return;
    }
    const rest = decodeURIComponent(path.slice(mount.length));
    const file = files.get(rest) ?? (rest.startsWith('sveltia/') ? sveltiaFile(rest.slice(8)) : undefined);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': WORKSPACE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex, nofollow',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
}
