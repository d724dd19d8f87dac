// What the content-safety tests share (content-safety-*.test.mjs): a small valid publication, each
// mistake an editor can make as a change to it, and helpers to write it into a content folder of
// its own, run the real scripts on it and read what they print. Each test file that imports this
// gets its own temporary folder (Vitest evaluates it once per file), so the files run side by side.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { expect } from 'vitest';
import { scratchProject } from '../bench/project.mjs';
import { gradientPng } from '../e2e/fixture-images.mjs';
import { checkContent as checkFolder } from '../src/content/check-report.ts';

export const ROOT = process.cwd();
// Inside .build/, so that paths in messages are short and the build's swap stays on one disk.
mkdirSync('.build', { recursive: true });
export const tmp = relative(ROOT, mkdtempSync(join(ROOT, '.build', 'safety-')));

/** Removes this file's temporary folder and what its builds left in .build/. */
export function cleanUp() {
  rmSync(tmp, { recursive: true, force: true });
  for (const name of readdirSync('.build')) {
    if (name.startsWith(`stamp-${SITE_PREFIX}`)) rmSync(join('.build', name));
  }
}

/** A small, valid publication: every rule holds and nothing warrants a warning. */
export const VALID = {
  'site.yml': `name: Sample Review
tagline: A sample publication.
description: Two experts on water and energy.
language: en
publisher:
  name: Sample Institute
accent:
  light: "#1f4e8c"
  dark: "#8db8ff"
footer:
  text: A sample footer.
`,
  'analyses/sample-analysis.md': `---
title: A Sample Analysis
dek: Two experts on water and energy.
published: 2024-04
source:
  name: Example Institute
  url: https://example.org/sample-analysis
---

An introduction to the sample analysis.
`,
  'experts/ada-example.md': `---
name: Ada Example
givenName: Ada
familyName: Example
affiliation: Example Institute
---
`,
  'experts/ben-example.md': `---
name: Ben Example
givenName: Ben
familyName: Example
affiliation: Example Institute
---
`,
  'themes/water.md': `---
title: Water
description: Rivers, floods and droughts.
terms:
  - water
  - river*
---
`,
  'themes/energy.md': `---
title: Energy
description: Power and fuel.
terms:
  - energy
  - power grid*
---
`,
  'commentaries/sample-analysis/ada-example.md': `---
analysis: sample-analysis
expert: ada-example
question: What comes first?
order: 1
themes:
  - water
---

Water is the first question.

The rivers rise every spring.
`,
  'commentaries/sample-analysis/ben-example.md': `---
analysis: sample-analysis
expert: ben-example
question: What comes next?
order: 2
themes:
  - energy
---

Energy comes next.
`,
};

let folders = 0;

/** A change that makes the path a symbolic link to `target` (relative to the project). */
export const link = (target) => ({ symlinkTo: target });
/** A change that makes the path a named pipe (FIFO). */
export const FIFO = { namedPipe: true };
/** A change that makes the path a sparse file of that many bytes (no disk used, nothing in git). */
export const sparse = (bytes) => ({ sparseBytes: bytes });
/** A small real PNG, drawn here. */
export const PNG = gradientPng({ width: 64, height: 48, from: [0, 60, 120], to: [200, 180, 120] });

/** Text outside every content folder, which no check or build may ever read. */
export const OUTSIDE = join(tmp, 'outside-the-content-folder.md');
export const SECRET = 'A secret kept outside the content folder';
writeFileSync(OUTSIDE, VALID['experts/ben-example.md'].replace('Example Institute', SECRET));

/**
 * Writes the valid publication with some files changed into a new content folder and returns its
 * path. A change is the new text (a string or bytes), a function of the old text, null to delete
 * the file, `link(target)` or `FIFO`. The folder is made in this file's temporary folder, or `under`.
 */
/**
 * Where the tests' scratch projects are made (copies of the code, built beside the other tests): a
 * folder the dev server does not watch (astro.config.mjs), since the dev-server test runs meanwhile.
 */
export const PROJECTS = join(tmp, 'projects');

export function contentWith(changes = {}, under = tmp) {
  const dir = join(under, `content-${++folders}`);
  const files = { ...VALID };
  for (const [path, change] of Object.entries(changes)) {
    if (change === null) delete files[path];
    else files[path] = typeof change === 'function' ? change(files[path]) : change;
  }
  for (const folder of ['analyses', 'experts', 'themes', 'commentaries'])
    mkdirSync(join(dir, folder), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (content.symlinkTo) symlinkSync(resolve(content.symlinkTo), full);
    else if (content.namedPipe) execFileSync('mkfifo', [full]);
    else if (content.sparseBytes) {
      writeFileSync(full, '');
      truncateSync(full, content.sparseBytes);
    } else writeFileSync(full, content);
  }
  return dir;
}

/** Runs a command in the project (or `cwd`); resolves with its exit code and everything it printed. */
export function run(command, args, env = {}, cwd = ROOT) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, output: stdout + stderr }));
  });
}

export const viteNode = resolve('node_modules/.bin/vite-node');
/** `npm run check:content` on a content folder, in a process of its own (about 1.4 s of CPU). */
export const checkContentCli = (dir) => run(viteNode, ['scripts/check-content.ts'], { CONTENT_DIR: dir });

/**
 * The same check in this process (milliseconds), of the project at `root`: what scripts/check-content.ts prints, on which
 * stream, and its exit code, as `run` gives them. Without the parse cache the command keeps, so that
 * every body is parsed; one check at a time (the parse source is process-wide).
 */
export async function checkContent(dir, root = ROOT) {
  const report = await checkFolder(root, dir);
  return {
    code: report.exitCode,
    stdout: report.stdout,
    stderr: report.stderr,
    output: report.stdout + report.stderr,
  };
}
/** `npm run build` of the content folder `dir` (the project's when not given) into `out`, with more of the environment in `env`. */
export const build = (dir, out, env = {}) =>
  run(process.execPath, ['scripts/build.mjs', '--out', out], {
    ...(dir ? { CONTENT_DIR: dir } : {}),
    ...env,
  });

/** The problem lines a run printed (`error: file › field: message`). */
export const problemLines = (output) => output.split('\n').filter((line) => /^(error|warning): /.test(line));

/** The one line about a file and field, with its level; fails the test if there is none. */
export function lineAbout(output, level, file, field) {
  const prefix = `${level}: ${file} › ${field}: `;
  const line = problemLines(output).find((l) => l.startsWith(prefix));
  expect(line, `no line starting "${prefix}" in:\n${output}`).toBeDefined();
  return line.slice(prefix.length);
}

export const replace = (from, to) => (text) => {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
};

export const ADA = 'commentaries/sample-analysis/ada-example.md';
export const BEN = 'commentaries/sample-analysis/ben-example.md';

/** Each mistake the issue lists, and a few more: [what, changes, file, field, message]. */
export const ERRORS = [
  [
    'malformed YAML frontmatter',
    { 'experts/ada-example.md': replace('name: Ada Example', 'name: Ada: Example') },
    'experts/ada-example.md',
    'frontmatter',
    /^line 2: check the indentation .* \(YAML says: bad indentation/,
  ],
  [
    'a frontmatter that is never closed',
    { 'experts/ada-example.md': (t) => t.replace(/---\n$/, '') },
    'experts/ada-example.md',
    'frontmatter',
    /^the frontmatter is not closed: add a line with just --- after the last field$/,
  ],
  [
    'a missing required field',
    { 'analyses/sample-analysis.md': replace('dek: Two experts on water and energy.\n', '') },
    'analyses/sample-analysis.md',
    'dek',
    /^is missing: add a line "dek: …" to the frontmatter \(one sentence in our own words/,
  ],
  [
    'a mistyped required field',
    { [BEN]: replace('order: 2', 'order: second') },
    BEN,
    'order',
    /^should be a number, not text: write digits without quotes, e.g. 2/,
  ],
  [
    'a misspelt field name',
    { [ADA]: replace('question:', 'questoin:') },
    ADA,
    'questoin',
    /^is not a field: check its spelling, or remove it; the fields are analysis, expert, question, order, themes, bottomLine$/,
  ],
  [
    'an unknown expert',
    { [BEN]: replace('expert: ben-example', 'expert: ben-exampel') },
    BEN,
    'expert',
    /^there is no expert "ben-exampel": use one of "ada-example", "ben-example", or add .*\/experts\/ben-exampel.md$/,
  ],
  [
    'an unknown theme',
    { [ADA]: replace('  - water\n', '  - water\n  - wind\n') },
    ADA,
    'themes[1]',
    /^there is no theme "wind": use one of "energy", "water", or add .*\/themes\/wind.md$/,
  ],
  [
    'an unknown analysis',
    { [ADA]: replace('analysis: sample-analysis', 'analysis: sample') },
    ADA,
    'analysis',
    /^there is no analysis "sample": use the name of a file in .*\/analyses\/ without .md, one of "sample-analysis"$/,
  ],
  [
    'two entries with the same id',
    { 'experts/Ada Example.md': VALID['experts/ada-example.md'] },
    'experts/ada-example.md',
    'id',
    /^has the same id "ada-example" as .*\/experts\/Ada Example.md, so one would silently replace the other .*: rename or remove one of the two files$/,
  ],
  [
    'a slug that repeats another entry’s id',
    { 'experts/other.md': replace('---\n', '---\nslug: ben-example\n')(VALID['experts/ada-example.md']) },
    'experts/other.md',
    'slug',
    /^has the same id "ben-example" as .*\/experts\/ben-example.md/,
  ],
  [
    'an empty commentary',
    { [BEN]: (t) => t.replace('Energy comes next.\n', '') },
    BEN,
    'body',
    /^the commentary has no text: write the expert’s answer below the frontmatter/,
  ],
  [
    'two commentaries with the same order in one analysis',
    { [BEN]: replace('order: 2', 'order: 1') },
    BEN,
    'order',
    /^order 1 is already taken in analysis "sample-analysis" by .*\/commentaries\/sample-analysis\/ada-example.md: give each commentary of an analysis its own number$/,
  ],
  [
    'a collection folder with no files',
    { 'themes/water.md': null, 'themes/energy.md': null },
    'themes/',
    'folder',
    /^the folder has no .md file: add a theme, one file per theme$/,
  ],
  [
    'a declared theme that no passage speaks to',
    { [ADA]: replace('  - water\n', '  - water\n  - energy\n') },
    ADA,
    'themes',
    /^theme "energy" is declared but no passage mentions any of its terms \(energy, power grid\*\): remove it from themes, or add a term the text uses to .*\/themes\/energy.md$/,
  ],
  [
    'a theme with no terms',
    { 'themes/water.md': replace('terms:\n  - water\n  - river*\n', 'terms: []\n') },
    'themes/water.md',
    'terms',
    /^list at least one term that signals this theme/,
  ],
  [
    'a date that is not a date',
    { 'analyses/sample-analysis.md': replace('published: 2024-04', 'published: 2024-02-30') },
    'analyses/sample-analysis.md',
    'published',
    /^"2024-02-30" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-04$/,
  ],
  [
    'a date in words',
    { 'analyses/sample-analysis.md': replace('published: 2024-04', 'published: April 2024') },
    'analyses/sample-analysis.md',
    'published',
    /^"April 2024" is not a date/,
  ],
  [
    'a commentary filed under another analysis',
    { [ADA]: null, 'commentaries/other-analysis/ada-example.md': VALID[ADA] },
    'commentaries/other-analysis/ada-example.md',
    'analysis',
    /^the file’s place does not match its fields, which say it belongs at .*\/commentaries\/sample-analysis\/ada-example.md: move the file there, or correct the field$/,
  ],
  [
    'a commentary saved with the wrong extension',
    { [BEN]: null, 'commentaries/sample-analysis/ben-example.MD': VALID[BEN] },
    'commentaries/sample-analysis/ben-example.MD',
    'file',
    /^is not read: only files ending in lower-case .md are part of the site; rename it to .*ben-example.md$/,
  ],
  [
    'a javascript: link in a commentary',
    { [ADA]: replace('rise every spring', 'rise [every spring](javascript:alert(1))') },
    ADA,
    'body',
    /^line 12: the link address "javascript:alert\(1\)" is not allowed: an address must start with https:\/\/, http:\/\/ or mailto:, or point inside the site/,
  ],
  [
    'an autolink to javascript:',
    { [ADA]: replace('rise every spring', 'rise <javascript:alert(1)>') },
    ADA,
    'body',
    /^line 12: the link address "javascript:alert\(1\)" is not allowed/,
  ],
  [
    'a reference definition to javascript:',
    {
      [ADA]: (t) =>
        `${replace('rise every spring', 'rise [every spring][s]')(t)}\n[s]: javascript:alert(1)\n`,
    },
    ADA,
    'body',
    /^line 14: the link address "javascript:alert\(1\)" is not allowed/,
  ],
  [
    'an image with a javascript: address',
    { [ADA]: replace('rise every spring', 'rise ![every spring](javascript:alert(1))') },
    ADA,
    'body',
    /^line 12: the image address "javascript:alert\(1\)" is not allowed/,
  ],
  [
    'a data: link in an analysis’s introduction',
    {
      'analyses/sample-analysis.md': replace(
        'the sample analysis',
        '[the sample](data:text/html,hi) analysis',
      ),
    },
    'analyses/sample-analysis.md',
    'body',
    /^line 10: the link address "data:text\/html,hi" is not allowed/,
  ],
  [
    'a javascript: source address',
    { 'analyses/sample-analysis.md': replace('https://example.org/sample-analysis', 'javascript:alert(1)') },
    'analyses/sample-analysis.md',
    'source.url',
    /^must start with https:\/\/ or http:\/\//,
  ],
  [
    'a bottom line of two sentences',
    { [ADA]: replace('order: 1\n', 'order: 1\nbottomLine: The rivers rise. The towns flood.\n') },
    ADA,
    'bottomLine',
    /^holds 2 sentences: make it one sentence$/,
  ],
  [
    'a bottom line that quotes the expert',
    { [ADA]: replace('order: 1\n', 'order: 1\nbottomLine: "“The rivers rise every spring.”"\n') },
    ADA,
    'bottomLine',
    /^is wrapped in quotation marks: write it in the editors’ own words/,
  ],
  [
    'six takeaways',
    {
      'analyses/sample-analysis.md': replace(
        '---\n\n',
        `takeaways:\n${[1, 2, 3, 4, 5, 6].map((n) => `  - Point ${n} is short.\n`).join('')}---\n\n`,
      ),
    },
    'analyses/sample-analysis.md',
    'takeaways',
    /^keep to at most 5 takeaways: the rest belongs in the introduction$/,
  ],
  [
    'a takeaway with a link',
    {
      'analyses/sample-analysis.md': replace(
        '---\n\n',
        'takeaways:\n  - Read [the piece](https://example.org/) first.\n---\n\n',
      ),
    },
    'analyses/sample-analysis.md',
    'takeaways[0]',
    /^must be plain text without links or addresses/,
  ],
  [
    'raw HTML inside a paragraph',
    { [ADA]: replace('The rivers rise', 'The <script>alert(document.body)</script> rivers rise') },
    ADA,
    'body',
    /^line 12: raw HTML "<script>" is not allowed: the text is plain prose in markdown; remove the markup/,
  ],
  [
    'a block of raw HTML',
    { [ADA]: (t) => `${t}\n<div>\nA hidden paragraph.\n</div>\n` },
    ADA,
    'body',
    /^line 14: raw HTML "<div>\\nA hidden paragraph.\\n<\/div>" is not allowed/,
  ],
  [
    'a file saved as Latin-1',
    {
      'experts/ada-example.md': (t) =>
        Buffer.from(t.replace('Example Institute', 'Institut für Wasserwirtschaft'), 'latin1'),
    },
    'experts/ada-example.md',
    'encoding',
    /^line 5: byte 0xFC is not UTF-8, so the file was saved in another encoding .*: save the file as UTF-8/,
  ],
  [
    'quotations nested 2,000 deep',
    { [ADA]: replace('The rivers rise', `${'> '.repeat(2000)}The rivers rise`) },
    ADA,
    'body',
    /^line 12: quotations, lists or emphasis are nested more than \d+ levels deep/,
  ],
  [
    // A table's bar has the body read with GFM, whose reader runs out of stack this deep.
    'quotations nested 10,000 deep, which the markdown reader itself cannot take',
    { [ADA]: replace('The rivers rise', `${'> '.repeat(10000)}The rivers | rise`) },
    ADA,
    'body',
    /^could not be checked \(Maximum call stack size exceeded\): look for something unusual in this file/,
  ],
  [
    'a symbolic link to a file outside the content folder',
    { 'experts/ben-example.md': link(OUTSIDE) },
    'experts/ben-example.md',
    'file',
    /^is a symbolic link \(to .*outside-the-content-folder.md\): the content folder must hold the files themselves/,
  ],
  [
    'a symbolic link to /etc',
    { 'themes/etc': link('/etc') },
    'themes/etc',
    'file',
    /^is a symbolic link \(to \/etc\)/,
  ],
  [
    'a symbolic link to /dev/zero',
    { 'analyses/zero.md': link('/dev/zero') },
    'analyses/zero.md',
    'file',
    /^is a symbolic link \(to \/dev\/zero\)/,
  ],
  [
    'a named pipe',
    { 'commentaries/sample-analysis/pipe.md': FIFO },
    'commentaries/sample-analysis/pipe.md',
    'file',
    /^is a named pipe \(FIFO\), not a regular file: remove it/,
  ],
  [
    'an accent colour too pale to read on the light background',
    { 'site.yml': replace('light: "#1f4e8c"', 'light: "#7aa2d6"') },
    'site.yml',
    'accent.light',
    /^#7aa2d6 has a contrast of only 2\.\d\d:1 against the light background #fdfcfa and 2\.\d\d:1 against the light surface #f3f1ec; links and text need at least 4\.5:1 \(WCAG AA\): use a darker colour, e\.g\. "#[0-9a-f]{6}"$/,
  ],
  [
    'a logo whose file is not there',
    { 'site.yml': (t) => `${t}logo:\n  file: logo.svg\n  alt: Sample Institute\n` },
    'site.yml',
    'logo.file',
    /^there is no file "logo.svg" in the content folder: add the image there, or correct the path$/,
  ],
  [
    'a lead image whose file is not there',
    {
      'analyses/sample-analysis.md': replace(
        '---\n\nAn introduction',
        'photo:\n  file: images/lead.png\n  alt: A river.\n  caption: A river.\n  credit: Sample Desk\n---\n\nAn introduction',
      ),
    },
    'analyses/sample-analysis.md',
    'photo.file',
    /^there is no file "images\/lead.png" in the content folder: add the image there, or correct the path$/,
  ],
  [
    'a lead image without alt text',
    {
      'images/lead.png': PNG,
      'analyses/sample-analysis.md': replace(
        '---\n\nAn introduction',
        'photo:\n  file: images/lead.png\n  caption: A river.\n  credit: Sample Desk\n---\n\nAn introduction',
      ),
    },
    'analyses/sample-analysis.md',
    'photo.alt',
    /^is missing: say in a sentence what the image shows, for readers who cannot see it/,
  ],
  [
    'a portrait over 10 MB',
    {
      'images/ada.png': sparse(11 * 1024 * 1024),
      'experts/ada-example.md': replace(
        'affiliation: Example Institute\n',
        'affiliation: Example Institute\nportrait:\n  file: images/ada.png\n  alt: Ada Example\n  credit: Sample Desk\n',
      ),
    },
    'experts/ada-example.md',
    'portrait.file',
    /^"images\/ada.png" is 11\.0 MB \(11,534,336 bytes\), more than the 10 MB an image may be: save it smaller/,
  ],
  [
    'a portrait without alt text',
    {
      'images/ada.png': PNG,
      'experts/ada-example.md': replace(
        'affiliation: Example Institute\n',
        'affiliation: Example Institute\nportrait:\n  file: images/ada.png\n  credit: Sample Desk\n',
      ),
    },
    'experts/ada-example.md',
    'portrait.alt',
    /^is missing/,
  ],
  [
    'an ORCID iD with a wrong check digit',
    {
      'experts/ada-example.md': replace(
        'affiliation: Example Institute\n',
        'affiliation: Example Institute\nlinks:\n  orcid: 0000-0002-1825-0098\n',
      ),
    },
    'experts/ada-example.md',
    'links.orcid',
    /^"0000-0002-1825-0098" is not an ORCID iD/,
  ],
  [
    'a javascript: link in an expert’s bio',
    { 'experts/ada-example.md': (t) => `${t}\nAda Example writes [here](javascript:alert(1)).\n` },
    'experts/ada-example.md',
    'body',
    /^line 8: the link address "javascript:alert\(1\)" is not allowed/,
  ],
  [
    'a publication without site.yml',
    { 'site.yml': null },
    'site.yml',
    'file',
    /^is missing: create it with the publication’s name, tagline/,
  ],
];

/** Each warning: [what, changes, file, field, message]. */
export const WARNINGS = [
  [
    'a passage that mentions terms of a theme the commentary does not declare',
    { [ADA]: replace('Water is the first question.', 'Water and energy are the first question.') },
    ADA,
    'themes',
    /^the passage beginning “Water and energy are the first question.” mentions "energy", a term of theme "energy", which the commentary does not declare: add "energy" to themes if the passage speaks to it$/,
  ],
  [
    'an expert no commentary uses',
    { 'experts/cy-example.md': replace('Ada', 'Cy')(VALID['experts/ada-example.md']) },
    'experts/cy-example.md',
    'id',
    /^no commentary uses expert "cy-example" yet/,
  ],
  [
    'a theme no commentary declares',
    { 'themes/wind.md': replace('Water', 'Wind')(VALID['themes/water.md']) },
    'themes/wind.md',
    'id',
    /^no commentary declares theme "wind" yet/,
  ],
  [
    'an analysis no commentary belongs to',
    { 'analyses/other.md': VALID['analyses/sample-analysis.md'] },
    'analyses/other.md',
    'id',
    /^no commentary belongs to analysis "other" yet/,
  ],
  [
    'a file that is not read',
    { 'themes/notes.txt': 'Ideas for new themes.' },
    'themes/notes.txt',
    'file',
    /^is not read: only files ending in .md are part of the site/,
  ],
];

// Names this file's builds apart from those of the other files, which may run at the same time.
export const SITE_PREFIX = `site-${basename(tmp).replace(/^safety-/, '')}-`;
export const siteOut = (name) => join(tmp, `${SITE_PREFIX}${name}`);

/** Every file of a built site with a hash of its bytes, by path. */
export function snapshot(dir) {
  const files = {};
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        files[relative(dir, path).split(sep).join('/')] = createHash('sha256')
          .update(readFileSync(path))
          .digest('hex');
    }
  };
  walk(dir);
  return files;
}

/**
 * What a build left in the staging area (`work`) for an output: its staging folder and the site it
 * swapped out (`<out>.next-<pid>`, `<out>.previous-<pid>`). The site kept for the next build
 * (`<out>.kept`, scripts/kept.mjs) is meant to stay.
 */
export const leftovers = (out, work = '.build') =>
  readdirSync(work).filter((name) => name.startsWith(`${basename(out)}.`) && !/\.kept(\.json)?$/.test(name));

/**
 * A project of its own, for a test that runs Astro beside the builds of this one: a copy of the
 * code with node_modules linked (bench/project.mjs), so its content store and .astro/ are its own.
 * Its content folders are made inside it and named from its root, as its messages name them;
 * with `content`, its own content/ holds the valid publication.
 */
export async function projectOfItsOwn(name, { content = false } = {}) {
  const root = resolve(PROJECTS, name);
  await scratchProject(root, content ? Object.entries(VALID) : []);
  return {
    root,
    contentWith: (changes) => relative(root, contentWith(changes, join(root, 'fixtures'))),
    checkContent: (dir) => checkContent(dir, root),
    run: (command, args, env) => run(command, args, env, root),
  };
}
