// A test helper for the tests of an unwritable dist/ (publish.test.mjs, content-safety-builds.test.mjs).
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

/**
 * Makes a folder's entries unchangeable, as a read-only mount or an immutable folder does, in a way
 * that holds even for root: `chattr +i` as root, read-only permissions for anyone else. Returns
 * the function that undoes it, or undefined where neither is possible (root on a file system
 * without the immutable flag).
 */
export function lock(dir) {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
  if (spawnSync('chattr', ['+i', dir]).status !== 0) return undefined;
  return () => spawnSync('chattr', ['-i', dir]);
}
