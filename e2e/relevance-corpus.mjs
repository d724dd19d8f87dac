#!/usr/bin/env node
// Builds the small generated site that e2e/search-relevance.spec.ts searches: fictional experts
// and themes, and commentaries whose questions share words with other commentaries' passages, so
// that a match in a question must not pass for a passage that says the words. Written to
// bench/out/relevance/dist (or E2E_RELEVANCE_DIST's parent project), at the domain root.
import { join } from 'node:path';
import { siteYml } from '../bench/corpus.mjs';
import { OUT, build, scratchProject } from '../bench/project.mjs';

const THEMES = {
  grain: ['Grain and food', ['grain corridor', 'wheat']],
  campus: ['Universities', ['NYU', 'campus']],
  ports: ['Ports and shipping', ['freight']],
  meetings: ['Meetings', ['meeting', 'officials']],
};
const EXPERTS = [
  ['ada-quill', 'Ada', 'Quill'],
  ['bo-rennet', 'Bo', 'Rennet'],
  ['cy-talbot', 'Cy', 'Talbot'],
];
// Sentences that say one subject each; a passage is two of them.
const SAYS = {
  lighthouse: 'Nothing here is about coastal beacons.',
  pipelines: 'The pipelines carried gas across the steppe for decades.',
  grain: 'The grain corridor reopened after months of talks over wheat.',
  nyu: 'Students on the campus of New York University followed the talks closely.',
  ports: 'Freight rates at the ports doubled within a year.',
  filler: 'Officials met again and promised to keep talking.',
  filler2: 'Observers expected little from the meeting.',
};
/** Each analysis: a title and, per expert, a question and the subjects of its passages. */
const ANALYSES = [
  [
    'Energy after the war',
    [
      [
        'Why do pipelines still matter?',
        [
          ['filler', 'filler2'],
          ['filler2', 'filler'],
          ['filler', 'ports'],
          ['filler2', 'filler'],
        ],
      ],
      [
        'What changed for gas?',
        [
          ['pipelines', 'filler'],
          ['pipelines', 'filler2'],
          ['pipelines', 'grain'],
          ['pipelines', 'filler'],
          ['filler', 'filler2'],
        ],
      ],
      [
        'Who pays for the lighthouse keepers?',
        [
          ['filler', 'filler2'],
          ['filler2', 'filler'],
        ],
      ],
    ],
  ],
  [
    'Food and freight',
    [
      [
        'Can the grain corridor hold?',
        [
          ['grain', 'filler'],
          ['filler2', 'filler'],
          ['grain', 'ports'],
        ],
      ],
      [
        'Is the lighthouse still lit?',
        [
          ['filler', 'filler2'],
          ['ports', 'filler'],
        ],
      ],
      [
        'What do students make of it?',
        [
          ['nyu', 'filler'],
          ['filler2', 'filler'],
          ['pipelines', 'filler2'],
        ],
      ],
    ],
  ],
  [
    'Campus and coast',
    [
      [
        'What did the lighthouse survey find?',
        [
          ['filler2', 'filler'],
          ['filler', 'filler2'],
        ],
      ],
      [
        'How are freight prices moving?',
        [
          ['ports', 'filler2'],
          ['filler', 'grain'],
        ],
      ],
      [
        'Why do pipelines worry insurers?',
        [
          ['filler', 'filler2'],
          ['nyu', 'filler2'],
        ],
      ],
    ],
  ],
];
const THEME_OF = { grain: 'grain', nyu: 'campus', ports: 'ports', filler: 'meetings', filler2: 'meetings' };

/** The content files of the corpus, by path under content/. */
export function relevanceCorpus() {
  const files = new Map();
  // The publication's identity, which every content folder needs.
  files.set(
    'site.yml',
    siteYml({
      name: 'Relevance Review',
      publisher: 'Test Institute',
      description: 'Generated commentaries whose questions share words with other passages.',
    }),
  );
  for (const [id, [title, terms]] of Object.entries(THEMES)) {
    files.set(
      `themes/${id}.md`,
      `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(`About ${title.toLowerCase()}.`)}\nterms:\n${terms.map((t) => `  - ${JSON.stringify(t)}`).join('\n')}\n---\n`,
    );
  }
  for (const [id, given, family] of EXPERTS) {
    files.set(
      `experts/${id}.md`,
      `---\nname: "${given} ${family}"\ngivenName: "${given}"\nfamilyName: "${family}"\naffiliation: Test Institute\n---\n`,
    );
  }
  ANALYSES.forEach(([title, commentaries], a) => {
    const id = `analysis-${a + 1}`;
    files.set(
      `analyses/${id}.md`,
      `---\ntitle: ${JSON.stringify(title)}\ndek: "A generated analysis."\npublished: 2024-0${a + 1}\nsource:\n  name: Test Institute\n  url: https://example.org/${id}\n---\n\n${SAYS.filler2}\n`,
    );
    commentaries.forEach(([question, passages], order) => {
      const [expert] = EXPERTS[order];
      const subjects = passages.flat();
      const themes = [...new Set(subjects.flatMap((s) => (THEME_OF[s] ? [THEME_OF[s]] : [])))];
      const body = passages.map(
        ([x, y], i) => `${SAYS[x]} ${SAYS[y]} (Point ${a + 1}.${order + 1}.${i + 1}.)`,
      );
      files.set(
        `commentaries/${id}/${expert}.md`,
        [
          '---',
          `analysis: ${id}`,
          `expert: ${expert}`,
          `question: ${JSON.stringify(question)}`,
          `order: ${order + 1}`,
          'themes:',
          ...themes.map((t) => `  - ${t}`),
          '---',
          '',
          body.join('\n\n'),
          '',
        ].join('\n'),
      );
    });
  });
  return files;
}

export const RELEVANCE_PROJECT = join(OUT, 'relevance');

if (import.meta.url === `file://${process.argv[1]}`) {
  await scratchProject(RELEVANCE_PROJECT, relevanceCorpus());
  const { totalMs } = await build(RELEVANCE_PROJECT);
  console.log(
    `Built the relevance corpus in ${(totalMs / 1000).toFixed(1)} s: ${join(RELEVANCE_PROJECT, 'dist')}`,
  );
}
