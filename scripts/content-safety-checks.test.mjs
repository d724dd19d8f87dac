// The editors' safety net, part one: the content check on one small content folder per mistake an
// editor can make, the build stopping on them before Astro runs, the \`new:*\` scaffolds, and the
// builds that run in a project of their own (a bare \`astro build\`, the incremental rebuild). Each
// mistake is checked in this process by the function \`npm run check:content\` prints (milliseconds);
// the command itself runs end to end on a few of them, and \`npm run build\` (which runs the command)
// on all the mistakes it stops on, its lines compared with this process's. Every suite here runs
// side by side. Builds in this project itself are content-safety-builds.test.mjs, which Vitest runs
// beside this file. Both: npm run test:content.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import {
  ADA,
  ERRORS,
  OUTSIDE,
  SECRET,
  VALID,
  WARNINGS,
  build,
  checkContent,
  checkContentCli,
  cleanUp,
  contentWith,
  lineAbout,
  link,
  problemLines,
  replace,
  run,
  siteOut,
  snapshot,
  PROJECTS,
  viteNode,
  projectOfItsOwn,
} from './content-safety.fixtures.mjs';
import { run as runIn, scratchProject } from '../bench/project.mjs';
import { readOpenData } from '../src/outputs/open-data-read.mjs';

// Real processes on a shared two-core machine: allow for a busy one.
vi.setConfig({ testTimeout: 120_000 });

afterAll(cleanUp);

/** The check's report without its timing, which differs from run to run. */
const untimed = (text) => text.replace(/ \(\d+\.\d s\)\.$/m, ' (… s).');

describe.concurrent('the content check', () => {
  // In this process: each test a few milliseconds.
  test('passes the valid publication without a warning', async () => {
    const dir = contentWith();
    const result = await checkContent(dir);
    expect(result.code, result.output).toBe(0);
    expect(problemLines(result.output)).toEqual([]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/is ready to publish: 1 analysis, 2 experts, 2 themes, 2 commentaries/);
  });

  test.each(ERRORS)(
    'refuses %s: exit 1, naming the file, the field and the fix',
    async (_, changes, file, field, message) => {
      const dir = contentWith(changes);
      const result = await checkContent(dir);
      expect(result.code, result.output).toBe(1);
      expect(result.stdout).toBe('');
      expect(lineAbout(result.stderr, 'error', `${dir}/${file}`, field)).toMatch(message);
      expect(result.stderr).toMatch(
        /✗ \d+ errors? .*each line above names the file, the field and what to change/,
      );
      expect(result.output).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/); // no stack trace
    },
  );

  test.each(WARNINGS)('warns about %s, and passes', async (_, changes, file, field, message) => {
    const dir = contentWith(changes);
    const result = await checkContent(dir);
    expect(result.code, result.output).toBe(0);
    expect(problemLines(result.output).filter((l) => l.startsWith('error'))).toEqual([]);
    expect(lineAbout(result.stderr, 'warning', `${dir}/${file}`, field)).toMatch(message);
    expect(result.stdout).toMatch(/is ready to publish: .*; \d+ warnings? above/);
  });

  test('reads nothing a link points to, and stops at the link itself', async () => {
    const dir = contentWith({ 'experts/ben-example.md': link(OUTSIDE), 'themes/etc': link('/etc') });
    const result = await checkContent(dir);
    expect(result.code).toBe(1);
    expect(result.output).not.toContain(SECRET);
    // Only the two links are reported: nothing under /etc, and no commentary blamed for its expert.
    expect(problemLines(result.output)).toEqual([
      expect.stringMatching(new RegExp(`^error: ${dir}/experts/ben-example.md › file: is a symbolic link`)),
      expect.stringMatching(new RegExp(`^error: ${dir}/themes/etc › file: is a symbolic link`)),
    ]);
  });

  test('accepts a file saved as UTF-8 with a byte-order mark', async () => {
    const dir = contentWith({ 'experts/ada-example.md': (t) => `\uFEFF${t}` });
    const result = await checkContent(dir);
    expect(result.code, result.output).toBe(0);
    expect(problemLines(result.output)).toEqual([]);
  });

  test('refuses a content folder that is missing a collection', async () => {
    const dir = contentWith();
    rmSync(join(dir, 'experts'), { recursive: true });
    const result = await checkContent(dir);
    expect(result.code).toBe(1);
    expect(lineAbout(result.output, 'error', `${dir}/experts/`, 'folder')).toMatch(
      /^the folder is missing: create it/,
    );
  });
});

/**
 * Builds a scratch project into its folder `name` as `npm run build` does; the output in plain text
 * (Astro colours its page list when the environment asks for colour, as CI=true does).
 */
async function buildProject(project, name) {
  const out = join(project, name);
  const result = await runIn(process.execPath, ['scripts/build.mjs', '--out', out], {
    cwd: project,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  expect(result.code, result.output).toBe(0);
  // The search records derived from the content check are always those the build derives.
  expect(result.output).toMatch(/Pagefind indexed and wrote them from the content check on/);
  expect(result.output).not.toMatch(/differ from the build’s/);
  return { out, output: result.output.replace(/\u001b\[[\d;]*m/g, '') };
}

/** Replaces `from` with `to` in the file at `path` in a scratch project (it must be there). */
function editIn(project, path, from, to) {
  const full = join(project, path);
  writeFileSync(full, replace(from, to)(readFileSync(full, 'utf8')));
}

describe.concurrent('rebuilds that reuse work', () => {
  // In a project of its own (a copy of the code, its own content store): beside everything else.
  test('after a commentary, a theme’s terms, an expert’s name and a template change, builds what a clean build builds, reading only the changed files', async () => {
    // A copy of the project, so that its template can be edited and its content store is its own.
    const project = resolve(PROJECTS, 'incremental');
    await scratchProject(project, Object.entries(VALID));
    const buildTo = (name) => buildProject(project, name);
    const edit = (path, from, to) => editIn(project, path, from, to);
    /** Every text file of a built site, joined: what a reader could find. */
    const site = (out) =>
      Object.keys(snapshot(out))
        .filter((path) => /\.(html|json|xml)$/.test(path))
        .map((path) => readFileSync(join(out, path), 'utf8'))
        .join('\n');
    /** The themes of the passage with this text, as the open data publishes them. */
    const themesOf = (out, text) =>
      readOpenData(out)
        .commentaries.flatMap((c) => c.passages)
        .find((p) => p.text === text).themes;
    const RIVERS = 'The rivers rise every spring.';
    // Words of the footer's template itself (its first sentence comes from site.yml).
    const FOOTER = 'experts and themes are also available as ';

    /** The files a build copied from the previous build instead of rendering them (Astro ends a file's name with a slash). */
    const restored = (output) =>
      [...output.matchAll(/ (\S+) \(restored\)/g)].map((m) => m[1].replace(/(\.[a-z]+)\/$/, '$1'));

    const first = await buildTo('first');
    expect(first.output).toMatch(/2 of 2 entries read/);
    expect(site(first.out)).not.toMatch(/very first question|Benedict Example|in a changed template/);
    expect(site(first.out)).toContain(FOOTER);
    expect(themesOf(first.out, RIVERS)).toEqual(['water']);

    edit(`content/${ADA}`, 'Water is the first question.', 'Water is the very first question.');
    edit('content/themes/water.md', '  - river*\n', '');
    edit('content/experts/ben-example.md', 'name: Ben Example', 'name: Benedict Example');
    edit('content/experts/ben-example.md', 'givenName: Ben\n', 'givenName: Benedict\n');
    edit(`content/${ADA}`, 'order: 1\n', 'order: 1\nbottomLine: Water comes before anything else.\n');
    edit(
      'src/components/SiteFooter.astro',
      'experts and themes are also available as ',
      'experts and themes are in a changed template also available as ',
    );

    const again = await buildTo('again');
    // Each collection says how many entries it read again: only the edited files were.
    const reads = [...again.output.matchAll(/(\d+) of (\d+) entries read/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(reads.sort()).toEqual(['0/1', '1/2', '1/2', '1/2']); // analyses, commentaries, experts, themes
    const text = site(again.out);
    expect(text).toContain('Water is the very first question.');
    expect(text).toContain('Benedict Example');
    expect(text).toContain('experts and themes are in a changed template also available as ');
    expect(text).not.toContain(FOOTER);
    expect(themesOf(again.out, RIVERS)).toEqual([]);
    // Files no template shapes (feeds, citations, data) are rendered again only when what they show
    // changed, and then show it; the others are copied from the previous build.
    const file = (out, path) => readFileSync(join(out, path), 'utf8');
    const rendered = restored(again.output);
    for (const path of [
      '/experts/ben-example/feed.xml',
      '/experts/ada-example/feed.xml',
      '/themes/water/feed.xml',
    ])
      expect(rendered).not.toContain(path);
    expect(file(again.out, 'experts/ben-example/feed.xml')).toContain('Benedict Example');
    expect(file(again.out, 'experts/ada-example/feed.xml')).toContain('Water is the very first question.');
    expect(file(again.out, 'themes/energy/index.html')).toContain('Benedict Example');
    expect(file(again.out, 'experts/ben-example/index.html')).toContain('Benedict Example');
    expect(file(first.out, 'themes/water/feed.xml')).toContain(RIVERS);
    expect(file(again.out, 'themes/water/feed.xml')).not.toContain(RIVERS);
    expect(file(again.out, 'data/bottom-lines/sample-analysis.json')).toContain(
      'Water comes before anything else.',
    );
    // Citation files are written whole by every build (src/outputs/integration.ts), never copied.
    expect(again.output).toMatch(/Wrote \d+ of 6 citation files/);
    for (const path of [
      'commentaries/sample-analysis/ben-example/citation.bib',
      'analyses/sample-analysis/citation.ris',
    ])
      expect([
        file(first.out, path).includes('Benedict'),
        file(again.out, path).includes('Benedict'),
      ]).toEqual([false, true]);
    expect(file(again.out, 'commentaries/sample-analysis/ada-example/citation.bib')).toBe(
      file(first.out, 'commentaries/sample-analysis/ada-example/citation.bib'),
    );

    // Nothing changed: every page with a cacheKey is copied from the previous build, not rendered.
    const same = await buildTo('same');
    expect(restored(same.output)).toEqual(
      expect.arrayContaining([
        '/commentaries/sample-analysis/ada-example/index.html',
        '/analyses/sample-analysis/index.html',
        '/themes/water/index.html',
        '/experts/ada-example/index.html',
        '/experts/ada-example/feed.xml',
        '/themes/water/feed.xml',
        '/data/bottom-lines/sample-analysis.json',
        '/data/commentaries/1.json',
      ]),
    );
    expect(snapshot(same.out)).toEqual(snapshot(again.out));

    // A commentary changes: its page is rendered again, with the change.
    edit(`content/${ADA}`, 'Water is the very first question.', 'Water is the very first and last question.');
    edit(`content/${ADA}`, 'Water comes before anything else.', 'Water comes first.');
    const one = await buildTo('one');
    const copied = restored(one.output);
    for (const path of [
      '/commentaries/sample-analysis/ada-example/index.html',
      '/experts/ada-example/feed.xml',
      '/themes/water/index.html',
      '/data/bottom-lines/sample-analysis.json',
      '/data/commentaries/1.json',
    ])
      expect(copied).not.toContain(path);
    expect(copied).toEqual(
      expect.arrayContaining(['/experts/ben-example/feed.xml', '/themes/energy/feed.xml']),
    );
    expect(site(one.out)).toContain('Water is the very first and last question.');
    expect(file(one.out, 'experts/ada-example/feed.xml')).toContain(
      'Water is the very first and last question.',
    );
    expect(file(one.out, 'data/bottom-lines/sample-analysis.json')).toContain('Water comes first.');

    // A dependency changes (the lock file): nothing kept is trusted; every file is read, every page rendered.
    writeFileSync(join(project, 'package-lock.json'), '{ "lockfileVersion": 3, "changed": true }\n');
    const dependency = await buildTo('dependency');
    expect(restored(dependency.output)).toEqual([]);
    expect([...dependency.output.matchAll(/(\d+) of (\d+) entries read/g)].every((m) => m[1] === m[2])).toBe(
      true,
    );

    // A clean build of the same files, from an empty content store and no kept parse or page.
    rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
    rmSync(join(project, 'node_modules', '.cache'), { recursive: true, force: true });
    rmSync(join(project, '.astro'), { recursive: true, force: true });
    const clean = await buildTo('clean');
    expect(clean.output).toMatch(/2 of 2 entries read/);
    expect(snapshot(dependency.out)).toEqual(snapshot(clean.out));
    expect(snapshot(one.out)).toEqual(snapshot(clean.out));
  }, 300_000); // six builds, beside the other tests
});

describe.concurrent('builds into the last site', () => {
  test('a build of the same folder builds into the site it replaced, brought up to date: its pages not rendered again stay, those no longer built go, and the result is a clean build’s', async () => {
    const project = resolve(PROJECTS, 'kept');
    await scratchProject(project, Object.entries(VALID));
    const build = (name) => buildProject(project, name);
    /** Every folder below `dir` that holds nothing. */
    const emptyFolders = (dir) =>
      readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(entry.parentPath, entry.name))
        .filter((folder) => readdirSync(folder).length === 0);

    const first = await build('site');
    expect(first.output).not.toContain('Building into the last site');
    // The replaced site is kept: the next build of `site` builds into it.
    await build('site');
    editIn(project, `content/${ADA}`, 'Water is the first question.', 'Water is the only question.');
    const third = await build('site');
    expect(third.output).toMatch(/Building into the last site \(\d+ files brought up to date, 0 removed\)/);
    // Files that did not change stay where they are, neither rendered nor copied back.
    expect(third.output).toMatch(/experts\/ben-example\/feed\.xml \(cached\)/);
    expect(third.output).toMatch(/themes\/energy\/feed\.xml \(cached\)/);
    expect(third.output).not.toMatch(/ \(restored\)/);
    expect(
      readFileSync(join(project, 'site/commentaries/sample-analysis/ada-example/index.html'), 'utf8'),
    ).toContain('Water is the only question.');

    // A commentary removed: its page and citation files go, with their folder.
    rmSync(join(project, 'content/commentaries/sample-analysis/ben-example.md'));
    const fourth = await build('site');
    expect(fourth.output).toMatch(/removed [1-9]\d* files of earlier builds/);
    expect(existsSync(join(project, 'site/commentaries/sample-analysis/ben-example'))).toBe(false);
    expect(emptyFolders(join(project, 'site'))).toEqual([]);
    expect(
      readFileSync(join(project, 'site/commentaries/sample-analysis/ada-example/index.html'), 'utf8'),
    ).toContain('Water is the only question.');

    // A clean build of the same content, from an empty content store and no kept page.
    for (const path of ['node_modules/.astro', 'node_modules/.cache', '.astro'])
      rmSync(join(project, path), { recursive: true, force: true });
    const clean = await build('clean');
    expect(snapshot(join(project, 'site'))).toEqual(snapshot(clean.out));
  }, 300_000);
});

describe.concurrent('a bare astro build', () => {
  // Each in a project of its own: beside each other and the builds of this project.
  test('a bare astro build never reads what the check refuses: a link to a file outside the content folder', async () => {
    const project = await projectOfItsOwn('bare-link');
    const dir = project.contentWith({ 'experts/ben-example.md': link(OUTSIDE) });
    const out = join(project.root, 'out');
    const result = await project.run(resolve('node_modules/.bin/astro'), ['build', '--outDir', out], {
      CONTENT_DIR: dir,
      NODE_ENV: 'production',
    });
    expect(result.code).not.toBe(0);
    const [checked] = problemLines((await project.checkContent(dir)).output);
    expect(checked).toMatch(/^error: .*ben-example\.md › file: is a symbolic link/);
    expect(result.output).toContain(checked);
    expect(result.output).not.toContain(SECRET);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  test.each([
    'a lead image whose file is not there',
    'a lead image without alt text',
    'a portrait over 10 MB',
  ])('a bare astro build refuses %s in the check’s own words (the loader shares its code)', async (what) => {
    const [, changes, file, field, message] = ERRORS.find(([name]) => name === what);
    const project = await projectOfItsOwn(`bare-${what.replaceAll(' ', '-')}`);
    const dir = project.contentWith(changes);
    const out = join(project.root, 'out');
    const result = await project.run(resolve('node_modules/.bin/astro'), ['build', '--outDir', out], {
      CONTENT_DIR: dir,
      NODE_ENV: 'production',
    });
    expect(result.code).not.toBe(0);
    const checked = (await project.checkContent(dir)).output;
    // The build's line is the check's, word for word: the one line about that file and field.
    expect(lineAbout(result.output, 'error', `${dir}/${file}`, field)).toMatch(message);
    expect(problemLines(result.output)).toEqual(problemLines(checked));
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});

describe.concurrent('npm run check:content', () => {
  const error = (what) => ERRORS.find(([name]) => name === what)[1];
  // The command prints what the check reports, on the same streams, and exits with its code: the
  // valid publication, one with a warning, and mistakes in a file's text, in the file itself and one
  // the markdown reader cannot take (its stack is the process's), in a process of its own each.
  test.each([
    ['the valid publication', {}],
    ['an expert no commentary uses', WARNINGS.find(([name]) => name === 'an expert no commentary uses')[1]],
    ['malformed YAML frontmatter', error('malformed YAML frontmatter')],
    ['a named pipe', error('a named pipe')],
    [
      'quotations nested 10,000 deep',
      error('quotations nested 10,000 deep, which the markdown reader itself cannot take'),
    ],
  ])('prints the check’s report for %s, on the same streams, with its exit code', async (_, changes) => {
    const dir = contentWith(changes);
    const [printed, checked] = await Promise.all([checkContentCli(dir), checkContent(dir)]);
    expect(printed.code, printed.output).toBe(checked.code);
    expect(untimed(printed.stdout)).toBe(untimed(checked.stdout));
    expect(printed.stderr).toBe(checked.stderr);
    expect(printed.output).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/); // no stack trace
    expect(printed.output).not.toContain(SECRET);
  });
});

describe.concurrent('npm run build', () => {
  const error = (what) => ERRORS.find(([name]) => name === what);
  /**
   * Mistakes in different files share a content folder, so that four builds stop on the thirteen:
   * each test below asserts its own mistake's line in its folder's build, which must print the very
   * lines the check reports on that folder. (Each mistake alone is an error: the tests above.)
   */
  const folders = [];
  // Two names of one entry ("Ada Example.md", "ada-example.md") count as one file.
  const entry = (path) => path.toLowerCase().replace(/[^a-z0-9/.]+/g, '-');
  const folderFor = (changes) => {
    const paths = Object.keys(changes).map(entry);
    let folder = folders.find((f) => paths.every((path) => !f.paths.has(path)));
    if (!folder) folders.push((folder = { changes: {}, paths: new Set() }));
    Object.assign(folder.changes, changes);
    for (const path of paths) folder.paths.add(path);
    return folder;
  };
  /** The folder's build and its check, run once for all the tests of that folder. */
  const stopped = (folder) =>
    (folder.result ??= (async () => {
      const dir = contentWith(folder.changes);
      const out = siteOut(`never-${basename(dir)}`);
      const [built, checked] = await Promise.all([build(dir, out), checkContent(dir)]);
      return { dir, out, built, checked };
    })());
  test.each(
    [
      ['malformed YAML frontmatter', error('malformed YAML frontmatter')],
      [
        'two entries with the same id (which Astro would only warn about)',
        error('two entries with the same id'),
      ],
      ['an unknown theme (which Astro would only find while rendering)', error('an unknown theme')],
      [
        'a symbolic link to a file outside the content folder (which Astro would publish)',
        error('a symbolic link to a file outside the content folder'),
      ],
      ['a named pipe (on which Astro would wait for ever)', error('a named pipe')],
      ['a file saved as Latin-1 (which Astro would publish garbled)', error('a file saved as Latin-1')],
      ['quotations nested 2,000 deep (on which Astro would crash)', error('quotations nested 2,000 deep')],
      ['a javascript: link (which Astro would publish)', error('a javascript: link in a commentary')],
      ['raw HTML (which Astro would drop silently)', error('raw HTML inside a paragraph')],
      [
        'an accent colour below WCAG AA contrast',
        error('an accent colour too pale to read on the light background'),
      ],
      ['a lead image whose file is not there', error('a lead image whose file is not there')],
      ['a lead image without alt text', error('a lead image without alt text')],
      ['a portrait over 10 MB (which Astro would read and resize)', error('a portrait over 10 MB')],
    ].map(([what, mistake]) => [what, mistake, folderFor(mistake[1])]),
  )(
    'stops on %s with the check’s own message, before Astro builds anything',
    async (_, [, , file, field, message], folder) => {
      const { dir, out, built, checked } = await stopped(folder);
      expect(built.code).toBe(1);
      expect(problemLines(built.output)).toEqual(problemLines(checked.output));
      expect(lineAbout(built.output, 'error', `${dir}/${file}`, field)).toMatch(message);
      expect(built.stderr).toMatch(/Build stopped: the content has errors .* Nothing was published\.$/m);
      // The check runs first in Astro's process: Astro never synced the content nor built; no stack trace.
      expect(built.output).not.toMatch(/Syncing content|\[build\]|\bat .*\.(ts|js|mjs):\d+/);
      expect(existsSync(out)).toBe(false);
      expect(built.output).not.toContain(SECRET);
    },
  );
});

describe.concurrent('npm run new:analysis and new:commentary', () => {
  const newAnalysis = (dir, ...args) =>
    run(viteNode, ['scripts/new-analysis.ts', ...args], { CONTENT_DIR: dir });
  const newCommentary = (dir, ...args) =>
    run(viteNode, ['scripts/new-commentary.ts', ...args], { CONTENT_DIR: dir });

  test('create files the check accepts once the editor fills in the blanks', async () => {
    const dir = contentWith();
    const created = await newAnalysis(dir, 'Rivers and Power: What Next?');
    expect(created.code, created.output).toBe(0);
    const analysisFile = join(dir, 'analyses', 'rivers-and-power-what-next.md');
    expect(created.stdout).toContain(`Created ${analysisFile}`);

    const commentary = await newCommentary(dir, 'rivers-and-power-what-next', 'ada-example');
    expect(commentary.code, commentary.output).toBe(0);
    const commentaryFile = join(dir, 'commentaries', 'rivers-and-power-what-next', 'ada-example.md');
    const text = readFileSync(commentaryFile, 'utf8');
    expect(text).toMatch(/One of: ada-example, ben-example\.\nexpert: ada-example/);
    expect(text).toMatch(/^ {2}# - water +# Water; terms: water, river\*$/m);

    const unfinished = await checkContent(dir);
    expect(unfinished.code).toBe(1);
    expect(lineAbout(unfinished.output, 'error', analysisFile, 'dek')).toMatch(/^must not be empty/);
    expect(lineAbout(unfinished.output, 'error', commentaryFile, 'question')).toMatch(/^must not be empty/);
    expect(lineAbout(unfinished.output, 'error', commentaryFile, 'themes')).toMatch(/^is empty: fill it in/);

    writeFileSync(
      analysisFile,
      readFileSync(analysisFile, 'utf8')
        .replace('dek: ""', 'dek: "One sentence."')
        .replace('published: ""', 'published: 2025-01')
        .replace('name: ""', 'name: Example Institute')
        .replace('url: ""', 'url: https://example.org/next')
        .concat('\nThe introduction.\n'),
    );
    writeFileSync(
      commentaryFile,
      text
        .replace('question: ""', 'question: "Why?"')
        .replace('  # - water', '  - water')
        .concat('\nThe river.\n'),
    );
    const finished = await checkContent(dir);
    expect(finished.code, finished.output).toBe(0);
  });

  test.each([
    [
      'an analysis that exists',
      ['new-analysis.ts', 'Sample Analysis'],
      /^✗ There is already an analysis "sample-analysis" \(.*\/analyses\/sample-analysis.md\): nothing was created/,
    ],
    [
      'an analysis without a title',
      ['new-analysis.ts'],
      /^✗ Give the analysis a title: npm run new:analysis -- "The Title as Published"/,
    ],
    [
      'a commentary that exists',
      ['new-commentary.ts', 'sample-analysis', 'ada-example'],
      /^✗ ada-example already has a commentary in sample-analysis \(.*ada-example.md\): nothing was created/,
    ],
    [
      'a commentary for an unknown analysis',
      ['new-commentary.ts', 'sample', 'ada-example'],
      /^✗ There is no analysis "sample": use one of sample-analysis, or create it first/,
    ],
    [
      'a commentary by an unknown expert',
      ['new-commentary.ts', 'sample-analysis', 'cy-example'],
      /^✗ There is no expert "cy-example": use one of ada-example, ben-example, or add .*\/experts\/cy-example.md first/,
    ],
  ])('refuse %s, changing nothing', async (_, [script, ...args], message) => {
    const dir = contentWith();
    const before = snapshot(dir);
    const result = await run(viteNode, [`scripts/${script}`, ...args], { CONTENT_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });
});
