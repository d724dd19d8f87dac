// @ts-check
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { hostingFromEnv } from './src/outputs/hosting.mjs';
import { contentCheck } from './src/content/integration.ts';
import { searchIndex } from './src/search/build/integration.ts';
import { CheckedRecords } from './src/search/build/checked.ts';
import { siteFiles } from './src/outputs/integration.ts';
import { SEARCH_BUNDLE_FOLDER } from './src/search/shared/bundle.mjs';

const { base, site } = hostingFromEnv(process.env);
// The search records derived from the checked content, so that Pagefind starts at once (checked.ts).
const checked = new CheckedRecords();

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
    // The output folder is kept from one build to the next: Astro leaves the pages it does not render
    // again where they are, instead of copying each back from its incremental cache, and the last step
    // of the build removes what this build did not produce (src/outputs/integration.ts).
    build: { assetsInlineLimit: 0, emptyOutDir: false },
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
  // First step of the build: the content check, with its messages (src/content/integration.ts),
  // which also derives the search records from the content it read (src/search/build/checked.ts);
  // the passage-level search index is built from then on, beside Astro, and written as the last step
  // (src/search/build/integration.ts; for a large archive, by scripts/build.mjs once Astro's process
  // has ended: src/search/build/pagefind.mjs); before it, while Pagefind may still be
  // writing, the citation files are written in one go and what an earlier build left is removed
  // (src/outputs/integration.ts), the search index's folder aside: Pagefind's step brings it up to date.
  integrations: [
    contentCheck({ onPassed: checked.take }),
    siteFiles({ leave: [SEARCH_BUNDLE_FOLDER] }),
    searchIndex({ checked }),
  ],
});
