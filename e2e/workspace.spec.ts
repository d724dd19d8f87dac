import { expect, test, type Page } from '@playwright/test';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { createWorkspaceServer, WORKSPACE_CSP } from '../scripts/workspace.ts';
import { checkContentFolder } from '../src/content/files.ts';
import { BASE, DIST } from './env.ts';

/**
 * The editors' workspace (Sveltia CMS) driven through its forms, as Sveltia's own tests do: the
 * folder picker returns a folder of the browser's private file system seeded with fixture content,
 * and every request that leaves the machine is refused.
 */
// Each worker serves the workspace itself, on a port of its own (0: any free one), so that the
// round trips, the longest tests of the fixture suites, run side by side on two workers.
const CMS_PORT = Number(process.env.E2E_CMS_PORT ?? 0);
let ORIGIN = '';
let ADMIN = '';
const FIXTURE = 'e2e/fixtures/cms';
/** Where the seeded files live in the browser: the project's root, with content/ inside. */
const PROJECT = 'project';

/** Every file under a folder, by its `/`-separated path relative to it. */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

let server: Server;
test.beforeAll(async () => {
  server = createWorkspaceServer({ root: DIST, base: BASE, contentDir: 'content' });
  await new Promise<void>((done) => server.listen(CMS_PORT, '127.0.0.1', done));
  ORIGIN = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ADMIN = `${ORIGIN}${BASE}admin/`;
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Refuses every request to another host, and records them. */
async function offline(page: Page): Promise<string[]> {
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === ORIGIN) return route.continue();
    refused.push(url.href);
    return route.abort('blockedbyclient');
  });
  return refused;
}

/** Writes `files` (paths relative to content/) into the private folder the picker will return. */
async function seed(page: Page, files: Record<string, string>) {
  await page.goto(`${ADMIN}config.json`);
  await page.evaluate(
    async ({ project, files }) => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(project, { recursive: true }).catch(() => undefined);
      const top = await root.getDirectoryHandle(project, { create: true });
      const write = async (path: string, text: string) => {
        const parts = path.split('/');
        let dir = top;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const file = await dir.getFileHandle(parts.at(-1)!, { create: true });
        const stream = await file.createWritable();
        await stream.write(text);
        await stream.close();
      };
      // Sveltia accepts a folder as a project only if it is a Git repository.
      await write('.git/HEAD', 'ref: refs/heads/main\n');
      for (const [path, text] of Object.entries(files)) await write(`content/${path}`, text);
    },
    { project: PROJECT, files },
  );
}

/** Every file under content/ in the private folder, as the workspace left it. */
async function readBack(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async (project) => {
    const out: Record<string, string> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else out[`${prefix}${name}`] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
    };
    const root = await navigator.storage.getDirectory();
    const top = await root.getDirectoryHandle(project);
    await walk(await top.getDirectoryHandle('content'), '');
    return out;
  }, PROJECT);
}

/** Opens the workspace on the seeded folder. */
async function openWorkspace(page: Page) {
  await page.addInitScript((project) => {
    Object.defineProperty(window, 'showDirectoryPicker', {
      configurable: true,
      value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle(project),
    });
  }, PROJECT);
  await page.goto(ADMIN);
  await page.getByRole('button', { name: /Work with Local Repository/i }).click();
}

/** The text field of each collection that the round trip edits. */
const EDITED = { Analyses: 'Dek', Experts: 'Affiliation', Themes: 'Description', Commentaries: 'Question' };

/** Opens the entry at `index` of the open collection, changes one field with `change`, and saves. */
async function editEntry(page: Page, index: number, field: string, change: (value: string) => string) {
  await page
    .getByRole('grid', { name: 'Entries' })
    .getByRole('row')
    .nth(index)
    .getByRole('gridcell')
    .nth(1)
    .click();
  const box = page.getByRole('textbox', { name: field, exact: true });
  await box.fill(change(await box.inputValue()));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Entry saved' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Entries' })).toBeVisible();
}

/** The number of entries of a collection among `files`. */
const entriesOf = (files: Record<string, string>, collection: keyof typeof EDITED) =>
  Object.keys(files).filter((path) => path.startsWith(`${collection.toLowerCase()}/`)).length;

/** The most entries of one collection a round-trip test saves: a longer one is shared out between tests. */
const ENTRIES_PER_TEST = 6;

/** Part of a collection's entries, from `from` up to `to` (excluded), in the order of its list. */
interface Entries {
  collection: keyof typeof EDITED;
  from: number;
  to: number;
}

/**
 * The round-trip tests of a content folder: one for all its collections of up to ENTRIES_PER_TEST
 * entries (opening the workspace costs as much as saving a few entries), and one for each
 * ENTRIES_PER_TEST entries of a longer collection, so that the tests share out between the workers.
 */
function roundTrips(files: Record<string, string>): Entries[][] {
  const small: Entries[] = [];
  const long: Entries[][] = [];
  for (const collection of Object.keys(EDITED) as (keyof typeof EDITED)[]) {
    const count = entriesOf(files, collection);
    if (count <= ENTRIES_PER_TEST) small.push({ collection, from: 0, to: count });
    else
      for (let from = 0; from < count; from += ENTRIES_PER_TEST)
        long.push([{ collection, from, to: Math.min(from + ENTRIES_PER_TEST, count) }]);
  }
  return [small, ...long].filter((parts) => parts.length > 0);
}

/**
 * Turns off the workspace's preference "Close the editor after saving a draft", as an editor would
 * in its settings, so that an entry can be saved twice in one visit of its editor.
 */
async function stayInEditorAfterSaving(page: Page) {
  await page.getByRole('button', { name: 'Show Account Menu' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: 'Contents' }).click();
  const close = settings.getByRole('switch', { name: 'Close the editor after saving a draft' });
  await close.click();
  await expect(close).not.toBeChecked();
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(settings).toBeHidden();
}

/** Changes one field of the open entry with `change`, saves, and waits until the editor is ready again. */
async function saveChange(page: Page, field: string, change: (value: string) => string) {
  const box = page.getByRole('textbox', { name: field, exact: true });
  await box.fill(change(await box.inputValue()));
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await save.click();
  // While it saves, the button reads "Saving…"; once the file is written and the editor has taken
  // it as its new starting point, "Save" again, disabled until the next change.
  await expect(save).toBeDisabled();
}

/**
 * Saves entries of a collection twice: once with one field changed, once with it changed back.
 * Saving an entry that did not change is not possible (the button is disabled), so this is the way
 * to have the workspace write every file from its forms. Both saves happen in one visit of the
 * entry's editor (stayInEditorAfterSaving).
 */
async function saveEntries(page: Page, files: Record<string, string>, { collection, from, to }: Entries) {
  const field = EDITED[collection];
  const count = entriesOf(files, collection);
  await page.getByRole('treeitem', { name: collection }).click();
  // Wait for this collection's list: counting at once could count the previous collection's rows.
  await expect(page.getByRole('main', { name: new RegExp(`${collection}.* Collection$`) })).toBeVisible();
  const rows = page.getByRole('grid', { name: 'Entries' }).getByRole('row');
  await expect(rows).toHaveCount(count);
  for (let i = from; i < to; i += 1) {
    await rows.nth(i).getByRole('gridcell').nth(1).click();
    await saveChange(page, field, (value) => `${value} (draft)`);
    await saveChange(page, field, (value) => value.replace(/ \(draft\)$/, ''));
    await page.getByRole('button', { name: 'Cancel Editing' }).click();
    await expect(rows).toHaveCount(count);
  }
}

/** Writes the files under `<temp>/content/` and runs the content check on them, as `npm run check:content` does. */
async function check(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'workspace-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  try {
    return await checkContentFolder(root, 'content');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('an editor adds a commentary and edits a dek through the forms, offline; the files pass the content check', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const before = filesUnder(FIXTURE);
  await offline(page);
  await seed(page, before);
  await openWorkspace(page);

  await page.getByRole('treeitem', { name: 'Commentaries' }).click();
  await page.getByRole('button', { name: 'Create New Entry' }).click();
  await page
    .getByRole('radiogroup', { name: 'Analysis' })
    .getByRole('radio', { name: /Harbour Accord/ })
    .check();
  await page.getByRole('radiogroup', { name: 'Expert' }).getByRole('radio', { name: 'Bo Tern' }).check();
  await page.getByRole('textbox', { name: 'Question' }).fill('Who gains from the new quotas?');
  await page.getByRole('spinbutton', { name: 'Order' }).fill('2');
  const themes = page.getByRole('group', { name: 'Themes', exact: true });
  await themes.getByRole('checkbox', { name: 'Fisheries' }).check();
  await themes.getByRole('checkbox', { name: 'Ports' }).check();
  await page
    .getByRole('textbox', { name: 'Text' })
    .fill('The quotas favour the larger port.\n\nSmall boats will fish less.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Entry saved' })).toBeVisible();

  const dek = 'Two invented specialists ask who the fictional accord leaves behind.';
  await page.getByRole('treeitem', { name: 'Analyses' }).click();
  await editEntry(page, 0, 'Dek', () => dek);

  const after = await readBack(page);
  const created = 'commentaries/harbour-accord/bo-tern.md';
  const edited = 'analyses/harbour-accord.md';
  expect(Object.keys(after).sort()).toEqual([...Object.keys(before), created].sort());
  for (const path of Object.keys(before).filter((p) => p !== edited))
    expect(after[path], path).toBe(before[path]);
  // Only the dek's line changed: no empty optional field (photo, disclaimer) was written.
  expect(after[edited]).toBe(before[edited]!.replace(/^dek: .*$/m, `dek: ${dek}`));
  expect(after[created]).toContain('themes:\n  - fisheries\n  - ports\n');

  const { problems, content } = await check(after);
  expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  expect(content.commentaries.map((c) => [c.id, c.order, c.themes])).toContainEqual([
    'harbour-accord/bo-tern',
    2,
    ['fisheries', 'ports'],
  ]);
});

// The round trips share out between the workers: see roundTrips.
for (const [name, folder] of [
  ['the fixture content', FIXTURE],
  ['the real content', 'content'],
] as const) {
  for (const parts of roundTrips(filesUnder(folder))) {
    const count = (c: Entries['collection']) => entriesOf(filesUnder(folder), c);
    const which = parts
      .map(({ collection, from, to }) =>
        from === 0 && to === count(collection)
          ? collection.toLowerCase()
          : `${collection.toLowerCase()} ${from + 1}–${to}`,
      )
      .join(', ');
    test(`saving each entry of ${name}'s ${which} with a change and its undo leaves every file byte-identical`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      const before = filesUnder(folder);
      await offline(page);
      await seed(page, before);
      await openWorkspace(page);
      await stayInEditorAfterSaving(page);
      for (const entries of parts) await saveEntries(page, before, entries);
      expect(await readBack(page)).toEqual(before);
    });
  }
}

test('the workspace is for this machine only: noindex, its own CSP, not in the built site', async ({
  request,
}) => {
  const page = await request.get(ADMIN);
  expect(page.headers()['x-robots-tag']).toBe('noindex, nofollow');
  expect(page.headers()['content-security-policy']).toBe(WORKSPACE_CSP);
  expect(WORKSPACE_CSP).not.toMatch(/unsafe-eval|https?:/);
  expect(await page.text()).toContain('<meta name="robots" content="noindex, nofollow" />');
  expect((await request.get(`${ADMIN}config.json`)).ok()).toBe(true);
  expect((await request.get(`${ADMIN}sveltia/../../package.json`)).status()).toBe(404);
  expect(existsSync(join(DIST, 'admin'))).toBe(false);
  expect(readFileSync(join(DIST, 'sitemap.xml'), 'utf8')).not.toContain('/admin/');
});
