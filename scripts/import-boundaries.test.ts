import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

// The import boundaries of eslint.config.js, run through ESLint itself on the project's config:
// code at `file` importing `specifier` is refused (or not).
const eslint = new ESLint({ cwd: process.cwd() });
// The first run loads the parsers and plugins, which can take seconds on a busy machine.
beforeAll(() => eslint.lintText('', { filePath: 'src/util/probe.ts' }), 60_000);

async function refusals(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const probe = x;\n`, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const browser = ['src/search/browser/probe.ts', 'src/search/shared/probe.ts', 'src/outputs/urls.ts'];
const pure = ['src/model/probe.ts', 'src/outputs/probe.ts', 'src/util/probe.ts'];

describe('import boundaries', () => {
  test.each(
    browser.flatMap((file) => [
      [file, "import { readFileSync as x } from 'node:fs';"],
      [file, "import x from 'path';"],
      [file, "import x from 'fs/promises';"],
      [file, "import { getCollection as x } from 'astro:content';"],
      [file, "const x = import('node:fs');"],
      [file, "import { checkSources as x } from '../../content/check';"],
      [file, "import { writeSearchIndex as x } from '../build/integration';"],
    ]),
  )('browser code at %s refuses %s', async (file, line) => {
    expect(await refusals(file, line)).toHaveLength(1);
  });

  test.each(
    pure.flatMap((file) => [
      [file, "import { getCollection as x } from 'astro:content';"],
      [file, "const x = import('astro:assets');"],
    ]),
  )('%s refuses %s', async (file, line) => {
    expect(await refusals(file, line)).toHaveLength(1);
  });

  test.each([
    ['src/search/browser/probe.ts', "import { urls as x } from '../../outputs/urls';"],
    ['src/search/browser/probe.ts', "import { parseSearchState as x } from '../shared/contract';"],
    // A folder of the site named like one of Node's modules is not Node's.
    ['src/outputs/urls.ts', "import { remembered as x } from '../util/memo';"],
    ['src/model/probe.ts', "import { plural as x } from '../util/text';"],
    ['src/content/probe.ts', "import { getCollection as x } from 'astro:content';"],
    ['src/content/probe.ts', "import { readFileSync as x } from 'node:fs';"],
    ['src/search/build/probe.ts', "import { readFile as x } from 'node:fs/promises';"],
  ])('%s may write %s', async (file, line) => {
    expect(await refusals(file, line)).toEqual([]);
  });
});
