import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, relative, sep } from 'node:path';
import { createWorkspaceServer } from '../scripts/workspace';
import { BASE, DIST, PORT } from './env';

/**
 * The editors' workspace (Sveltia CMS) driven through its forms, as Sveltia's own tests do: the
 * folder picker returns a folder of the browser's private file system seeded with fixture content,
 * and every request that leaves the machine is refused.
 */
const CMS_PORT = Number(process.env.E2E_CMS_PORT ?? PORT + 1);
const ORIGIN = `http://127.0.0.1:${CMS_PORT}`;
const ADMIN = `${ORIGIN}${BASE}admin/`;
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
      // @ts-expect-error: entries() is in Chromium, not yet in TypeScript's DOM types.
      for await (const [name, handle] of dir.entries() as AsyncIterable<[string, FileSystemHandle]>) {
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

test('explore', async ({ page }) => {
  const refused = await offline(page);
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await seed(page, filesUnder(FIXTURE));
  await openWorkspace(page);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/h14-1.png' });
  console.log(refused, messages);
  console.log(Object.keys(await readBack(page)));
});
