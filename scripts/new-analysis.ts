// Creates content/analyses/<id>.md for a new analysis, its frontmatter shaped and explained.
// Usage: npm run new:analysis -- "Title" [--id short-file-name]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../src/content/files.ts';
import { analysisFile, analysisId } from '../src/content/scaffold.ts';
import { contentHere, refuse } from './cli.ts';

const { values, positionals } = parseArgs({
  options: { id: { type: 'string' } },
  allowPositionals: true,
});
const title = positionals.join(' ').trim();
if (!title) refuse('Give the analysis a title: npm run new:analysis -- "The Title as Published"');

const { root, contentDir, known } = await contentHere();
const id = analysisId(values.id ?? title);
if (!id)
  refuse(`"${values.id ?? title}" has no letters or digits to name the file after: add --id short-name`);

const target = resolve(root, contentDir, 'analyses', `${id}.md`);
const holder = known.files.analyses.get(id);
if (existsSync(target) || holder) {
  refuse(
    `There is already an analysis "${id}" (${holder ?? displayPath(root, target)}): nothing was created. Edit that file, or choose another name with --id.`,
  );
}

mkdirSync(join(root, contentDir, 'analyses'), { recursive: true });
writeFileSync(target, analysisFile(title), { flag: 'wx' });
console.log(
  `✓ Created ${displayPath(root, target)}. Fill in the empty "" fields and write the introduction, then run npm run check:content.`,
);
