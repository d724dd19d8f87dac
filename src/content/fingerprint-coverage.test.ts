import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { fingerprintInputs } from './fingerprint.ts';

// The real project: whatever the layout, the fingerprint must cover every file of ours that the
// content config runs, or an edit to it would leave stale entries in Astro's content store.
const root = process.cwd();

/** The project's files reached from `entry` through relative imports, resolved as TypeScript does. */
function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = normalize(join(dirname(file), fileName)).split('\\').join('/');
      const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.mjs`, `${base}/index.ts`];
      const found = candidates.find((c) => existsSync(join(root, c)) && statSync(join(root, c)).isFile());
      if (!found) throw new Error(`${file} imports ${fileName}, which does not resolve`);
      queue.push(found);
    }
  }
  return [...seen].sort();
}

describe('the content fingerprint', () => {
  test('covers every file the content config imports, directly or not', () => {
    const closure = importClosure('src/content.config.ts');
    // The closure reaches the loader, the schemas and what they use: a real, non-trivial set.
    expect(closure).toContain('src/content/loader.ts');
    expect(closure.filter((file) => !fingerprintInputs(root).includes(file))).toEqual([]);
  });
});
