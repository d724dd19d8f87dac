// The editors' safety net, part three: a build stopped mid-way, by Ctrl+C or by a signal to npm,
// publishes nothing and leaves the last good site as it was. In a project of its own (a copy of the
// code, bench/project.mjs) with the small valid publication, so that these builds run beside those
// of content-safety-builds.test.mjs (Vitest runs the files at once). All: npm run test:content.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { cleanUp, leftovers, projectOfItsOwn, run, snapshot } from './content-safety.fixtures.mjs';

// Real processes on a shared two-core machine: allow for a busy one.
vi.setConfig({ testTimeout: 120_000 });

afterAll(cleanUp);

/**
 * Collects a build's output as it comes (`seen.output`); `syncing` resolves once Astro syncs the
 * content, which it does in the staging folder, or once the process has ended before that (the
 * caller's assertion then fails with the output).
 */
function watchBuild(child) {
  const seen = { output: '' };
  const syncing = new Promise((started) => {
    const listen = (chunk) => {
      seen.output += chunk;
      if (seen.output.includes('Syncing content')) started();
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.on('exit', started);
  });
  return { seen, syncing };
}

let project;
let good;
beforeAll(async () => {
  project = await projectOfItsOwn('stopped', { content: true });
  good = join(project.root, 'site-good');
  const built = await run(process.execPath, ['scripts/build.mjs', '--out', good], {}, project.root);
  expect(built.code, built.output).toBe(0);
}, 300_000);

test('discards a build interrupted mid-way (Ctrl+C), keeping the last good site', async () => {
  const before = snapshot(good);
  const child = spawn(process.execPath, ['scripts/build.mjs', '--out', good], {
    cwd: project.root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const closed = new Promise((done) => child.on('close', (code) => done(code)));
  const { seen, syncing } = watchBuild(child);
  // Astro is building into the staging folder: interrupt it there.
  await syncing;
  expect(seen.output, seen.output).toContain('Syncing content');
  child.kill('SIGINT');
  expect(await closed).toBe(130);
  expect(seen.output).toMatch(/Build stopped: interrupted\. Nothing was published\./);
  expect(snapshot(good)).toEqual(before);
  expect(leftovers(good, join(project.root, '.build'))).toEqual([]);
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
      cwd: project.root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ended = new Promise((done) => npm.on('exit', done));
    // All output, the build's included, once every process holding the pipes has ended.
    const closed = new Promise((done) => npm.on('close', done));
    const { seen, syncing } = watchBuild(npm);
    try {
      await syncing;
      expect(seen.output, seen.output).toContain('Syncing content');
      npm.kill(signal);
      await ended;
      // The build stops within a moment of npm (it tidies up first), never later.
      for (let waited = 0; running(good).length > 0 && waited < 10_000; waited += 250) {
        await new Promise((wait) => setTimeout(wait, 250));
      }
      expect(running(good)).toEqual([]);
      await closed;
      expect(seen.output).toMatch(/Build stopped: interrupted\. Nothing was published\./);
      expect(snapshot(good)).toEqual(before);
      expect(leftovers(good, join(project.root, '.build'))).toEqual([]);
    } finally {
      for (const line of running(good)) process.kill(Number.parseInt(line, 10), 'SIGKILL');
    }
  },
);
