// @ts-check
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import { builtinModules } from 'node:module';

/** Node's own modules, with and without the `node:` prefix. */
/** Node's modules by their bare names (`fs`, `util`, `fs/promises`). */
const BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
/**
 * `import('node:…')` and `import('astro:…')` too, which no-restricted-imports does not see.
 * @param {string} prefix
 * @param {string} message
 */
const dynamicImport = (prefix, message) => ({
  selector: `ImportExpression[source.value=/^${prefix}:/]`,
  message,
});

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.build/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/out/',
    ],
  },
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    // A --require preload is CommonJS by necessity.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Import boundaries of the layout (README, Structure). Code shipped to readers' browsers — the
    // search page and reading-page scripts, the search contract they share with the index writer,
    // and the URL helper they call — must not import Node's modules (a bundler would fail or
    // ship a shim) nor Astro's virtual `astro:*` modules (they exist only inside Astro's build),
    // nor the Node-side folders (src/content reads files, src/search/build runs Pagefind).
    files: ['src/search/browser/**', 'src/search/shared/**', 'src/outputs/urls.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Node's modules by their exact names (a pattern "util" would also match ../util/memo),
          // and anything under `node:`.
          paths: BUILTINS.map((name) => ({ name, message: 'Browser code cannot use Node modules.' })),
          patterns: [
            { group: ['node:*'], message: 'Browser code cannot use Node modules.' },
            { group: ['astro:*'], message: 'Browser code cannot use Astro’s build-time modules.' },
            {
              group: ['**/content/**', '**/search/build/**', '../build', '../build/**'],
              message: 'Browser code cannot import the Node-side folders (src/content, src/search/build).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        dynamicImport('node', 'Browser code cannot use Node modules.'),
        dynamicImport('astro', 'Browser code cannot use Astro’s build-time modules.'),
      ],
    },
  },
  {
    // The model, the outputs and the helpers are pure functions of plain data: no `astro:*`
    // module (getCollection, astro:assets…), so that they run in Vitest, in the Node scripts and
    // in the browser without Astro. Only src/content (site.ts, the loaders) talks to Astro.
    files: ['src/model/**', 'src/outputs/**', 'src/util/**'],
    ignores: ['src/outputs/urls.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['astro:*'], message: 'Keep this folder pure: only src/content talks to Astro.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        dynamicImport('astro', 'Keep this folder pure: only src/content talks to Astro.'),
      ],
    },
  },
  {
    rules: {
      // `_`-prefixed names mark values we destructure only to drop.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
