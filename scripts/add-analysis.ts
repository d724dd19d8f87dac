// Adds the generated analysis (scripts/added-analysis.ts) to a content folder, which must be a copy:
// `vite-node scripts/add-analysis.ts <copy of content/>`. Used by scripts/test.mjs.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFrontmatter } from '../src/content/frontmatter.ts';
import { addedAnalysis } from './added-analysis.ts';

const dir = process.argv[2];
if (!dir) throw new Error('Give the folder to add the generated analysis to: a copy of content/.');

const files = (folder: string) =>
  readdirSync(join(dir, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const read = readFrontmatter(readFileSync(join(dir, folder, name), 'utf8'));
      if (!read.ok) throw new Error(`${folder}/${name}: ${read.message}`);
      return { id: name.replace(/\.md$/, ''), data: read.data, body: read.body };
    });

const commentaries = files('commentaries');
const generated = addedAnalysis({
  passages: commentaries.flatMap((c) => c.body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim())),
  questions: commentaries.map((c) => String(c.data.question)),
  experts: files('experts').map((e) => e.id),
  themes: files('themes').map((t) => ({ id: t.id, terms: t.data.terms as string[] })),
  published: files('analyses').map((a) => {
    const value = a.data.published;
    return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }),
});
for (const [path, text] of generated) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text, { flag: 'wx' });
}
console.log(`Added ${[...generated.keys()].join(', ')} to ${dir}.`);
