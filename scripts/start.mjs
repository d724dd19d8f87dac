#!/usr/bin/env node
// Builds the site if the content, code or hosting settings changed since the last build, then serves it.
// Ctrl+C, SIGTERM, SIGHUP or the end of `npm start` stops the build (which then publishes nothing)
// or the server, whichever is running.
import { hostingFromEnv } from '../src/outputs/hosting.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';
import { requireSupportedNode } from './runtime.mjs';
import { createStaticServer, listen } from './serve.mjs';

requireSupportedNode('scripts/start.mjs');

await buildIfNeeded();
const { base } = hostingFromEnv(process.env);
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
await listen(createStaticServer({ root: 'dist', base }), port, host);
console.log(`Serving dist/ at http://${host}:${port}${base}  (Ctrl+C to stop)`);
