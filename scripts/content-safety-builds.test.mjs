// The editors' safety net, part two: real builds in this project. A failed or interrupted build
// never replaces the last good site, the same content builds to identical bytes, and the dev
// server reports a mistake in one line. These run Astro in this project (its content store,
// .astro/, .build/astro-out), so one after another, while content-safety-checks.test.mjs runs
// beside them (Vitest runs the two files at once). Both: npm run test:content.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { createStaticServer, listen } from './serve.mjs';
import { lock } from './lock-folder.mjs';
import { INDEX_AFTER_ASTRO_FROM } from '../src/search/build/pagefind.mjs';
import {
  build,
  checkContent,
  cleanUp,
  contentWith,
  leftovers,
  problemLines,
  siteOut,
  snapshot,
  tmp,
} from './content-safety.fixtures.mjs';

// Real processes on a shared two-core machine: allow for a busy one.
vi.setConfig({ testTimeout: 120_000 });

afterAll(cleanUp);

describe('npm run build', () => {
  describe('with real builds', () => {
    const good = siteOut('good');
    let first;
    // Saved with a byte-order mark, as some editors on Windows do: accepted, and never published.
    const fixed = contentWith({ 'analyses/sample-analysis.md': (t) => `\uFEFF${t}` });

    // The second build writes its search index after Astro's process, as a large archive's is
    // (src/search/build/pagefind.mjs): the index is the same either way.
    test('builds the same content to byte-identical output twice in a row, its search index written by Astro’s process or after it', async () => {
      const again = siteOut('again');
      const inAstro = await build(undefined, good, { [INDEX_AFTER_ASTRO_FROM]: '' });
      expect(inAstro.code, inAstro.output).toBe(0);
      // Its records were derived from the content check, and are the ones the build derived.
      expect(inAstro.output).toMatch(/Pagefind indexed and wrote them from the content check on/);
      expect(inAstro.output).not.toMatch(/differ from the build’s/);
      const afterAstro = await build(undefined, again, { [INDEX_AFTER_ASTRO_FROM]: '0' });
      expect(afterAstro.code, afterAstro.output).toBe(0);
      expect(afterAstro.output).toMatch(/Handed \d+ records over to scripts\/build\.mjs/);
      expect(afterAstro.output).toMatch(
        /Pagefind indexed them while the pages rendered and wrote them after Astro’s process had ended/,
      );
      first = snapshot(good);
      expect(Object.keys(first).some((path) => path.startsWith('pagefind/'))).toBe(true);
      expect(Object.keys(first).length).toBeGreaterThan(10);
      expect(snapshot(again)).toEqual(first);
    }, 300_000); // two builds of the real content, beside the other files

    test('keeps the last good site, still served, when the content breaks after a good build', async () => {
      expect(first, 'needs the build of the previous test').toBeDefined();
      const broken = join(tmp, 'broken-content');
      cpSync('content', broken, { recursive: true });
      const analysis = join(broken, 'analyses', readdirSync(join(broken, 'analyses')).sort()[0]);
      writeFileSync(analysis, readFileSync(analysis, 'utf8').replace('---\n', '---\ntitle: [\n'));

      const result = await build(broken, good);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/Build stopped: .* The last good site in .* is untouched\./);
      expect(snapshot(good)).toEqual(first);
      expect(leftovers(good)).toEqual([]);

      const server = createStaticServer({ root: good, base: '/' });
      const { port } = await listen(server, 0, '127.0.0.1');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe(readFileSync(join(good, 'index.html'), 'utf8'));
      } finally {
        server.close();
      }
    });

    test('swaps in a new build of fixed content, leaving no staging folder behind', async () => {
      const result = await build(fixed, good);
      expect(result.code, result.output).toBe(0);
      const home = readFileSync(join(good, 'index.html'), 'utf8');
      expect(home).toContain('A Sample Analysis');
      expect(home).not.toContain('\uFEFF');
      expect(leftovers(good)).toEqual([]);
    });

    test('stops with the cause and what to do when dist/ cannot be replaced, leaving no staging folder', async (ctx) => {
      const before = snapshot(good);
      const unlock = lock(good);
      if (!unlock) return ctx.skip();
      // The small content again (its pages come from the last build): what fails is the swap.
      let result;
      try {
        result = await build(fixed, good);
      } finally {
        unlock();
      }
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^Build stopped: .*good\/ could not be replaced \((EPERM|EACCES): .*\): make .* writable .* --out\. Nothing was published\. The last good site in .* is untouched\.$/m,
      );
      expect(result.output).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/); // no stack trace
      expect(snapshot(good)).toEqual(before);
      expect(leftovers(good)).toEqual([]);
    });
  });
});

describe('npm run dev', () => {
  // Astro's dev server on a content folder of its own (CONTENT_DIR), edited as an editor would.
  test('reports a file saved with a mistake in one line, never a file as its own duplicate, and names CONTENT_DIR; serves the citation files', async () => {
    const dir = contentWith();
    const file = join(dir, 'commentaries', 'sample-analysis', 'ada-example.md');
    const good = readFileSync(file, 'utf8');
    // Astro 7 refuses to start a second dev server of a project while .astro/dev.json names a live
    // process; on a busy machine a dead server's pid can be reused by another process. No dev
    // server of this project runs during the tests, so the record is stale.
    rmSync(resolve('.astro/dev.json'), { force: true });
    const dev = spawn(resolve('node_modules/.bin/astro'), ['dev', '--port', '0'], {
      // Not Vitest's environment (NODE_ENV=test, VITEST…): under it Astro 7's dev server serves no page.
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(name)),
        ),
        ASTRO_TELEMETRY_DISABLED: '1',
        CONTENT_DIR: dir,
        BASE_PATH: '/',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    dev.stdout.on('data', (chunk) => (output += chunk));
    dev.stderr.on('data', (chunk) => (output += chunk));
    // Colour codes, which Astro writes when the environment asks for colour (CI), are stripped so
    // that the patterns stay plain.
    const plain = (text) => text.replace(/\u001b\[[\d;]*m/g, '');
    /** Waits until the output from `from` on matches, and returns that part of it, without colour codes. */
    const waitFor = async (pattern, from = 0) => {
      for (let waited = 0; !pattern.test(plain(output.slice(from))); waited += 100) {
        if (waited > 60_000) throw new Error(`no ${pattern} in:\n${plain(output.slice(from))}`);
        await new Promise((wait) => setTimeout(wait, 100));
      }
      return plain(output.slice(from));
    };
    try {
      await waitFor(/watching for file changes/);
      const port = Number(/localhost:(\d+)\//.exec(plain(output))[1]);

      // A changed file, saved: reloaded, and not called a duplicate of itself.
      let from = output.length;
      writeFileSync(file, `${good}\nA third paragraph about the river.\n`);
      let after = plain(await waitFor(/Reloaded data from sample-analysis\/ada-example\.md/, from));
      expect(after).not.toMatch(/Duplicate id/);

      // A YAML mistake: one line in the check's own form, no unhandled rejection, no js-yaml stack.
      from = output.length;
      writeFileSync(file, good.replace('order: 1\n', 'order: 1\ntitle: [\n'));
      const [checked] = problemLines((await checkContent(dir)).output);
      expect(checked).toMatch(/^error: .*ada-example\.md › frontmatter: line \d+: /);
      after = plain(await waitFor(/› frontmatter: .*\n/, from));
      expect(after).toContain(`${checked}. The site shows the file as it was before this save`);
      expect(after).not.toMatch(/UnhandledRejection|YAMLException|js-yaml/);

      // Fixed, but naming a theme that does not exist: the page says so, naming CONTENT_DIR's folder.
      from = output.length;
      writeFileSync(file, good.replace('  - water\n', '  - water\n  - tides\n'));
      await waitFor(/Reloaded data from sample-analysis\/ada-example\.md/, from);
      const page = await fetch(`http://localhost:${port}/`);
      if (page.status !== 500)
        console.log(
          'DEBUG',
          port,
          page.status,
          (await page.text()).slice(0, 200),
          plain(output).slice(-2500),
        );
      expect(page.status).toBe(500);
      after = plain(await waitFor(/there is no theme "tides".*\n/, from));
      expect(after).toContain(`or add ${dir}/themes/tides.md`);

      // And fixed: pages are served from the fixed file, not from the last error.
      from = output.length;
      writeFileSync(file, good);
      await waitFor(/Reloaded data from sample-analysis\/ada-example\.md/, from);
      // Astro reloads the pages' data a moment after the file (within a second here; once, the
      // last error was seen for 20 s): allow a few seconds, not that.
      const fixedAt = Date.now();
      let status = (await fetch(`http://localhost:${port}/`)).status;
      while (status !== 200 && Date.now() - fixedAt < 8_000) {
        await new Promise((wait) => setTimeout(wait, 200));
        status = (await fetch(`http://localhost:${port}/`)).status;
      }
      expect(status).toBe(200);

      // The citation files, at the addresses the pages link to, as on the built site.
      const bib = await fetch(
        `http://localhost:${port}/commentaries/sample-analysis/ada-example/citation.bib`,
      );
      expect([bib.status, bib.headers.get('content-type')]).toEqual([
        200,
        'application/x-bibtex; charset=utf-8',
      ]);
      expect(await bib.text()).toMatch(/^@\w+\{example\d{4}-sample-analysis,/);
      const ris = await fetch(`http://localhost:${port}/analyses/sample-analysis/citation.ris`);
      expect([ris.status, (await ris.text()).slice(0, 6)]).toEqual([200, 'TY  - ']);
    } finally {
      dev.kill();
    }
  });
});
