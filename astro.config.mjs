// @ts-check
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { hostingFromEnv } from './src/outputs/hosting.mjs';
import { contentCheck } from './src/content/integration';
import { searchIndex } from './src/search/build/integration';
import { citationFilesWriter } from './src/outputs/integration';

const { base, site } = hostingFromEnv(process.env);

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site,
  base,
  // Directory-style URLs with a trailing slash work on every static host without rewrites.
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Stylesheets as files, never inlined: the Content-Security-Policy (BaseLayout) allows only
    // the site's own style files, with no 'unsafe-inline'.
    inlineStylesheets: 'never',
    // Pages rendered side by side: while one page's file is being written (Astro writes each page and
    // its incremental-cache copy, awaiting each write), the next pages render. One at a time, Astro's
    // thread sat idle for over half of the rendering phase on this kind of machine; 16 at once halved
    // the phase at 1,000 commentaries with byte-identical output (bench/RESULTS.md).
    concurrency: 16,
  },
  vite: {
    // Astro inlines small scripts into the page, which the Content-Security-Policy forbids:
    // every script must be a file of the site.
    build: { assetsInlineLimit: 0 },
    // The dev server watches the project, but not the scratch projects (copies of the code) that the
    // benchmark and the content-safety tests build inside it (bench/out/, .build/*/projects/): Vite
    // invalidates every module when it sees any tsconfig.json change, a copy's included.
    server: { watch: { ignored: ['**/bench/out/**', '**/.build/*/projects/**'] } },
  },
  // Commentary markdown is rendered by our own pipeline (src/content/markdown.ts) so that passages
  // can be tagged; nothing here should rewrite the experts' punctuation.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  devToolbar: { enabled: false },
  // A rebuild copies from the previous build the pages whose cacheKey (src/outputs/page-key.ts) and
  // code are unchanged, instead of rendering them again.
  experimental: { incrementalBuild: true },
  // First step of the build: the content check, with its messages (src/content/integration.ts);
  // the passage-level search index is built while the pages render and written as the last step
  // (src/search/build/integration.ts); the citation files are written in one go after the pages
  // (src/outputs/integration.ts).
  integrations: [contentCheck(), searchIndex(), citationFilesWriter()],
});
