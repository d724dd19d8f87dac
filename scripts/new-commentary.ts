// Creates content/commentaries/<analysis>/<expert>.md, its frontmatter filled in as far as it can
// be and the allowed values listed in comments.
// Usage: npm run new:commentary -- <analysis> <expert>
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath } from '../src/content/files.ts';
import { commentaryFile } from '../src/content/scaffold.ts';
import { contentHere, refuse } from './cli.ts';

const { root, contentDir, known } = await contentHere();
const list = (ids: string[]) => (ids.length ? ids.join(', ') : '(none yet)');
const [analysis, expert, ...extra] = process.argv.slice(2).filter((arg) => arg !== '--');

if (!analysis || !expert || extra.length > 0) {
  refuse(
    `Name the analysis and the expert: npm run new:commentary -- <analysis> <expert>\n  analyses: ${list(known.ids.analyses)}\n  experts: ${list(known.ids.experts)}`,
  );
}
if (!known.ids.analyses.includes(analysis)) {
  refuse(
    `There is no analysis "${analysis}": use one of ${list(known.ids.analyses)}, or create it first with npm run new:analysis -- "Title".`,
  );
}
if (!known.ids.experts.includes(expert)) {
  refuse(
    `There is no expert "${expert}": use one of ${list(known.ids.experts)}, or add ${contentDir}/experts/${expert}.md first (see CONTRIBUTING.md).`,
  );
}

const id = `${analysis}/${expert}`;
const target = resolve(root, contentDir, 'commentaries', analysis, `${expert}.md`);
const holder = known.files.commentaries.get(id);
if (existsSync(target) || holder) {
  refuse(
    `${expert} already has a commentary in ${analysis} (${holder ?? displayPath(root, target)}): nothing was created. Edit that file instead.`,
  );
}

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, commentaryFile({ analysis, expert, inventory: known }), { flag: 'wx' });
console.log(
  `✓ Created ${displayPath(root, target)}. Fill in the question, choose the themes and write the answer, then run npm run check:content.`,
);
