import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { codeFingerprint, fingerprintInputs } from './fingerprint.ts';

const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
write('src/content/schemas.ts', 'a');
write('src/util/sub/util.mjs', 'b');
write('src/content/schemas.test.ts', 'c');
write('src/content/notes.md', 'd');
write('src/content.config.ts', 'e');
write('package-lock.json', 'f');

describe('fingerprint', () => {
  test('covers the library code, the content config and the lock file, not tests', () => {
    expect(fingerprintInputs(root)).toEqual([
      'package-lock.json',
      'src/content.config.ts',
      'src/content/schemas.ts',
      'src/util/sub/util.mjs',
    ]);
  });

  test('changes when one of them changes, and only then', () => {
    const before = codeFingerprint(root);
    expect(codeFingerprint(root)).toBe(before);
    write('src/content/schemas.test.ts', 'changed test');
    expect(codeFingerprint(root)).toBe(before);
    for (const path of ['src/util/sub/util.mjs', 'src/content.config.ts', 'package-lock.json']) {
      const fingerprint = codeFingerprint(root);
      write(path, `${path} changed`);
      expect(codeFingerprint(root), path).not.toBe(fingerprint);
    }
  });

  test('tells a file renamed from one with the same text', () => {
    const before = codeFingerprint(root);
    rmSync(join(root, 'src/content/schemas.ts'));
    write('src/content/schemas2.ts', 'a');
    expect(codeFingerprint(root)).not.toBe(before);
  });
});
