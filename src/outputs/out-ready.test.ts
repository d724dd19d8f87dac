import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { OUT_READY, answerOutReady } from './out-ready.mjs';

const MODULE = fileURLToPath(new URL('./out-ready.mjs', import.meta.url));

/**
 * Starts a process that asks, as Astro's does at `astro:build:start`, and prints what it was told;
 * the folder becomes ready (`ready` resolves) only once the question has come.
 */
function ask(env: Record<string, string>, ready: (asked: number) => Promise<string[] | undefined>) {
  const script = `const { outFolderReady } = await import(${JSON.stringify(MODULE)});
    const files = await outFolderReady();
    console.log(JSON.stringify({ files: files ?? null }));`;
  const child = spawn(process.execPath, ['--input-type=module', '--eval', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  let asked = 0;
  child.on('message', (message) => {
    if (answerOutReady(message, child, ready(++asked))) return;
    throw new Error(`unexpected message ${JSON.stringify(message)}`);
  });
  return new Promise<{ told: unknown; asked: number; code: number | null }>((done) =>
    child.on('close', (code) => done({ told: out ? JSON.parse(out) : undefined, asked, code })),
  );
}

test('Astro’s process waits for the folder and is told what it holds; it ends once answered', async () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const result = await ask({ [OUT_READY]: '1' }, async () => {
    await wait(200);
    return ['index.html', 'a/index.html'];
  });
  expect(result).toEqual({ told: { files: ['index.html', 'a/index.html'] }, asked: 1, code: 0 });
});

test('a folder that could not be brought up to date is answered too, with no files', async () => {
  const result = await ask({ [OUT_READY]: '1' }, () => Promise.reject(new Error('no kept site')));
  expect(result).toEqual({ told: { files: null }, asked: 1, code: 0 });
});

test('`astro build` run on its own asks no one', async () => {
  const result = await ask({ [OUT_READY]: '' }, () => Promise.resolve(['index.html']));
  expect(result).toEqual({ told: { files: null }, asked: 0, code: 0 });
});
