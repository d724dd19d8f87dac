// Astro loads astro.config.mjs with Node's own import() first and only when that fails through a
// Vite server of its own, which compiles the config's imports (the build's integrations, some
// 45 modules): a third of a second of every build and every `astro check`. Node runs TypeScript
// whose types it only has to remove (tsconfig's erasableSyntaxOnly), when every import names its
// file (`./check.ts`) and nothing reads Vite's `import.meta.env` (src/outputs/site-urls.ts).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('Node loads astro.config.mjs and its integrations by itself, without Vite', () => {
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '--eval',
      "const { default: config } = await import('./astro.config.mjs'); console.log(JSON.stringify(config.integrations.map((i) => i.name)));",
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual(
    expect.arrayContaining([
      'perspectives:content-check',
      'perspectives:site-files',
      'perspectives:search-index',
    ]),
  );
});
