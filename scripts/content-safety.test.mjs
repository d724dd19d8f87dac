// The editors' safety net, end to end: the real scripts run on small content folders written to a
// temporary folder, one per mistake an editor can make; then real Astro builds prove that a failed
// build never replaces the last good site and that the same content builds to identical bytes.
// Slow (real processes and builds), so it runs as its own step: npm run test:content.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
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
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { run as runIn, scratchProject } from '../bench/project.mjs';
import { createStaticServer, listen } from './serve.mjs';
import { lock } from './lock-folder.mjs';
import { gradientPng } from '../e2e/fixture-images.mjs';

// Real processes on a shared two-core machine: allow for a busy one.
vi.setConfig({ testTimeout: 120_000 });

const ROOT = process.cwd();
// Inside .build/, so that paths in messages are short and the build's swap stays on one disk.
mkdirSync('.build', { recursive: true });
const tmp = relative(ROOT, mkdtempSync(join(ROOT, '.build', 'safety-')));

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  for (const name of readdirSync('.build')) {
    if (name.startsWith(`stamp-${SITE_PREFIX}`)) rmSync(join('.build', name));
  }
});

/** A small, valid publication: every rule holds and nothing warrants a warning. */
const VALID = {
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
const link = (target) => ({ symlinkTo: target });
/** A change that makes the path a named pipe (FIFO). */
const FIFO = { namedPipe: true };
/** A change that makes the path a sparse file of that many bytes (no disk used, nothing in git). */
const sparse = (bytes) => ({ sparseBytes: bytes });
/** A small real PNG, drawn here. */
const PNG = gradientPng({ width: 64, height: 48, from: [0, 60, 120], to: [200, 180, 120] });

/** Text outside every content folder, which no check or build may ever read. */
const OUTSIDE = join(tmp, 'outside-the-content-folder.md');
const SECRET = 'A secret kept outside the content folder';
writeFileSync(OUTSIDE, VALID['experts/ben-example.md'].replace('Example Institute', SECRET));

/**
 * Writes the valid publication with some files changed into a new content folder and returns its
 * path. A change is the new text (a string or bytes), a function of the old text, null to delete
 * the file, `link(target)` or `FIFO`.
 */
function contentWith(changes = {}) {
  const dir = join(tmp, `content-${++folders}`);
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

/** Runs a command in the project; resolves with its exit code and everything it printed. */
function run(command, args, env = {}) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
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

const viteNode = resolve('node_modules/.bin/vite-node');
const checkContent = (dir) => run(viteNode, ['scripts/check-content.ts'], { CONTENT_DIR: dir });
const build = (dir, out) =>
  run(process.execPath, ['scripts/build.mjs', '--out', out], dir ? { CONTENT_DIR: dir } : {});

/** The problem lines a run printed (`error: file › field: message`). */
const problemLines = (output) => output.split('\n').filter((line) => /^(error|warning): /.test(line));

/** The one line about a file and field, with its level; fails the test if there is none. */
function lineAbout(output, level, file, field) {
  const prefix = `${level}: ${file} › ${field}: `;
  const line = problemLines(output).find((l) => l.startsWith(prefix));
  expect(line, `no line starting "${prefix}" in:\n${output}`).toBeDefined();
  return line.slice(prefix.length);
}

const replace = (from, to) => (text) => {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
};

const ADA = 'commentaries/sample-analysis/ada-example.md';
const BEN = 'commentaries/sample-analysis/ben-example.md';

/** Each mistake the issue lists, and a few more: [what, changes, file, field, message]. */
const ERRORS = [
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
    'quotations nested 10,000 deep, which the markdown reader itself cannot take',
    { [ADA]: replace('The rivers rise', `${'> '.repeat(10000)}The rivers rise`) },
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
const WARNINGS = [
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

describe('npm run check:content', () => {
  test('passes the valid publication without a warning', async () => {
    const dir = contentWith();
    const result = await checkContent(dir);
    expect(result.code, result.output).toBe(0);
    expect(problemLines(result.output)).toEqual([]);
    expect(result.stdout).toMatch(/is ready to publish: 1 analysis, 2 experts, 2 themes, 2 commentaries/);
  });

  test.concurrent.each(ERRORS)(
    'refuses %s: exit 1, naming the file, the field and the fix',
    async (_, changes, file, field, message) => {
      const dir = contentWith(changes);
      const result = await checkContent(dir);
      expect(result.code, result.output).toBe(1);
      expect(lineAbout(result.output, 'error', `${dir}/${file}`, field)).toMatch(message);
      expect(result.output).toMatch(
        /✗ \d+ errors? .*each line above names the file, the field and what to change/,
      );
      expect(result.output).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/); // no stack trace
    },
  );

  test.concurrent.each(WARNINGS)('warns about %s, and passes', async (_, changes, file, field, message) => {
    const dir = contentWith(changes);
    const result = await checkContent(dir);
    expect(result.code, result.output).toBe(0);
    expect(problemLines(result.output).filter((l) => l.startsWith('error'))).toEqual([]);
    expect(lineAbout(result.output, 'warning', `${dir}/${file}`, field)).toMatch(message);
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

const SITE_PREFIX = `site-${process.pid}-`;
const siteOut = (name) => join(tmp, `${SITE_PREFIX}${name}`);

/** Every file of a built site with a hash of its bytes, by path. */
function snapshot(dir) {
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

/** What a build left in the staging area for an output. */
const leftovers = (out) => readdirSync('.build').filter((name) => name.startsWith(`${relative(tmp, out)}.`));

describe('npm run build', () => {
  const error = (what) => ERRORS.find(([name]) => name === what);
  test.each([
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
  ])(
    'stops on %s with the check’s own message, before Astro builds anything',
    async (_, [, changes, file, field]) => {
      const dir = contentWith(changes);
      const out = siteOut('never');
      const [built, checked] = await Promise.all([build(dir, out), checkContent(dir)]);
      expect(built.code).toBe(1);
      expect(problemLines(built.output)).toEqual(problemLines(checked.output));
      lineAbout(built.output, 'error', `${dir}/${file}`, field);
      expect(built.stderr).toMatch(/Build stopped: the content has errors .* Nothing was published\.$/m);
      // The check runs first in Astro's process: Astro never synced the content nor built; no stack trace.
      expect(built.output).not.toMatch(/Syncing content|\[build\]|\bat .*\.(ts|js|mjs):\d+/);
      expect(existsSync(out)).toBe(false);
      expect(built.output).not.toContain(SECRET);
    },
  );

  describe('with real builds', () => {
    const good = siteOut('good');
    let first;

    test('builds the same content to byte-identical output twice in a row', async () => {
      const again = siteOut('again');
      for (const out of [good, again]) {
        const result = await build(undefined, out);
        expect(result.code, result.output).toBe(0);
      }
      first = snapshot(good);
      expect(Object.keys(first).length).toBeGreaterThan(10);
      expect(snapshot(again)).toEqual(first);
    });

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
      // Saved with a byte-order mark, as some editors on Windows do: accepted, and never published.
      const dir = contentWith({ 'analyses/sample-analysis.md': (t) => `\uFEFF${t}` });
      const result = await build(dir, good);
      expect(result.code, result.output).toBe(0);
      const home = readFileSync(join(good, 'index.html'), 'utf8');
      expect(home).toContain('A Sample Analysis');
      expect(home).not.toContain('\uFEFF');
      expect(leftovers(good)).toEqual([]);
    });

    test('discards a build interrupted mid-way (Ctrl+C), keeping the last good site', async () => {
      const before = snapshot(good);
      const child = spawn(process.execPath, ['scripts/build.mjs', '--out', good], {
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const closed = new Promise((done) => child.on('close', (code) => done(code)));
      await new Promise((started) => {
        const listen = (chunk) => {
          output += chunk;
          // Astro is building into the staging folder: interrupt it there.
          if (output.includes('Syncing content')) started();
        };
        child.stdout.on('data', listen);
        child.stderr.on('data', listen);
      });
      child.kill('SIGINT');
      expect(await closed).toBe(130);
      expect(output).toMatch(/Build stopped: interrupted\. Nothing was published\./);
      expect(snapshot(good)).toEqual(before);
      expect(leftovers(good)).toEqual([]);
    });

    /** The processes whose command line names `text`, as `pid args` lines. */
    const running = (text) =>
      spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter((line) => line.includes(text));

    // npm runs a script through `sh -c`, which kept the build from npm's signals: npm ended at once
    // and the build went on to publish. A signal to npm must stop everything it started.
    test.each(['SIGINT', 'SIGTERM', 'SIGHUP'])(
      'stops the whole build when `npm run build` gets %s, publishing nothing',
      async (signal) => {
        const before = snapshot(good);
        const npm = spawn('npm', ['run', 'build', '--', '--out', good], {
          env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        const ended = new Promise((done) => npm.on('exit', done));
        // All output, the build's included, once every process holding the pipes has ended.
        const closed = new Promise((done) => npm.on('close', done));
        try {
          await new Promise((started) => {
            const listen = (chunk) => {
              output += chunk;
              if (output.includes('Syncing content')) started();
            };
            npm.stdout.on('data', listen);
            npm.stderr.on('data', listen);
          });
          npm.kill(signal);
          await ended;
          // The build stops within a moment of npm (it tidies up first), never later.
          for (let waited = 0; running(SITE_PREFIX).length > 0 && waited < 10_000; waited += 250) {
            await new Promise((wait) => setTimeout(wait, 250));
          }
          expect(running(SITE_PREFIX)).toEqual([]);
          await closed;
          expect(output).toMatch(/Build stopped: interrupted\. Nothing was published\./);
          expect(snapshot(good)).toEqual(before);
          expect(leftovers(good)).toEqual([]);
        } finally {
          for (const line of running(SITE_PREFIX)) process.kill(Number.parseInt(line, 10), 'SIGKILL');
        }
      },
    );

    test('stops with the cause and what to do when dist/ cannot be replaced, leaving no staging folder', async (ctx) => {
      const before = snapshot(good);
      const unlock = lock(good);
      if (!unlock) return ctx.skip();
      let result;
      try {
        result = await build(undefined, good);
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

describe('rebuilds that reuse work', () => {
  test('a bare astro build never reads what the check refuses: a link to a file outside the content folder', async () => {
    const dir = contentWith({ 'experts/ben-example.md': link(OUTSIDE) });
    const out = siteOut('bare');
    const result = await run(resolve('node_modules/.bin/astro'), ['build', '--outDir', out], {
      CONTENT_DIR: dir,
      NODE_ENV: 'production',
    });
    expect(result.code).not.toBe(0);
    const [checked] = problemLines((await checkContent(dir)).output);
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
    const dir = contentWith(changes);
    const out = siteOut('bare-image');
    const result = await run(resolve('node_modules/.bin/astro'), ['build', '--outDir', out], {
      CONTENT_DIR: dir,
      NODE_ENV: 'production',
    });
    expect(result.code).not.toBe(0);
    const checked = (await checkContent(dir)).output;
    // The build's line is the check's, word for word: the one line about that file and field.
    expect(lineAbout(result.output, 'error', `${dir}/${file}`, field)).toMatch(message);
    expect(problemLines(result.output)).toEqual(problemLines(checked));
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  test('after a commentary, a theme’s terms, an expert’s name and a template change, builds what a clean build builds, reading only the changed files', async () => {
    // A copy of the project, so that its template can be edited and its content store is its own.
    const project = resolve(tmp, 'incremental');
    await scratchProject(project, Object.entries(VALID));
    const buildTo = async (name) => {
      const out = join(project, name);
      const result = await runIn(process.execPath, ['scripts/build.mjs', '--out', out], {
        cwd: project,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      expect(result.code, result.output).toBe(0);
      // Astro colours its page list when the environment asks for colour (CI=true): plain text only.
      return { out, output: result.output.replace(/\u001b\[[\d;]*m/g, '') };
    };
    const edit = (path, from, to) => {
      const full = join(project, path);
      writeFileSync(full, replace(from, to)(readFileSync(full, 'utf8')));
    };
    /** Every text file of a built site, joined: what a reader could find. */
    const site = (out) =>
      Object.keys(snapshot(out))
        .filter((path) => /\.(html|json|xml)$/.test(path))
        .map((path) => readFileSync(join(out, path), 'utf8'))
        .join('\n');
    /** The themes of the passage with this text, as the open data publishes them. */
    const themesOf = (out, text) =>
      JSON.parse(readFileSync(join(out, 'data', 'commentaries.json'), 'utf8'))
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
    expect(rendered).toEqual(
      expect.arrayContaining([
        '/commentaries/sample-analysis/ada-example/citation.bib',
        '/analyses/sample-analysis/citation.ris',
      ]),
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
        '/commentaries/sample-analysis/ada-example/citation.bib',
        '/analyses/sample-analysis/citation.ris',
        '/data/bottom-lines/sample-analysis.json',
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
  });
});

describe('npm run new:analysis and new:commentary', () => {
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

describe('npm run dev', () => {
  // Astro's dev server on a content folder of its own (CONTENT_DIR), edited as an editor would.
  test('reports a file saved with a mistake in one line, never a file as its own duplicate, and names CONTENT_DIR', async () => {
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
    } finally {
      dev.kill();
    }
  });
});
