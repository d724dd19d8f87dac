import { describe, expect, test } from 'vitest';
import type { SourceFile } from './check.ts';
import { readFrontmatter } from './frontmatter.ts';
import { analysisFile, analysisId, commentaryFile, inventory, nextOrder } from './scaffold.ts';
import { analysisSchema, commentarySchema } from './schemas.ts';
import type { CollectionName } from './schemas.ts';

const file = (collection: CollectionName, path: string, source: string): SourceFile => ({
  collection,
  path,
  file: `content/${collection}/${path}`,
  source,
});

const FILES = [
  file('analyses', 'piece.md', '---\ntitle: ""\n---\n'),
  file('experts', 'ada.md', '---\nname: Ada\n---\n'),
  file('experts', 'ben.md', '---\nname: Ben\n---\n'),
  file('themes', 'water.md', '---\ntitle: Water\nterms:\n  - water\n  - river*\n---\n'),
  file('themes', 'energy.md', '---\ntitle: Energy\n---\n'),
  file('commentaries', 'piece/ada.md', '---\nanalysis: piece\norder: 1\n---\n'),
  file('commentaries', 'piece/ben.md', '---\nanalysis: piece\norder: 3\n---\n'),
];

/** Reads a created file back the way the checker will. */
function frontmatterOf(source: string) {
  const read = readFrontmatter(source);
  if (!read.ok) throw new Error(read.message);
  return read.data;
}

describe('inventory', () => {
  test('lists every entry, even one whose fields are still unfinished', () => {
    const known = inventory(FILES);
    expect(known.ids).toEqual({
      analyses: ['piece'],
      experts: ['ada', 'ben'],
      themes: ['energy', 'water'],
      commentaries: ['piece/ada', 'piece/ben'],
    });
    expect(known.orders.get('piece')).toEqual([1, 3]);
    expect(known.files.experts.get('ben')).toBe('content/experts/ben.md');
  });
});

describe('analysisId', () => {
  test.each([
    ['The Minister’s Trip Shows Both Sides Want Calm', 'the-ministers-trip-shows-both-sides-want-calm'],
    ['  What Next? A View from Kyiv  ', 'what-next-a-view-from-kyiv'],
    ['!!!', ''],
  ])('names the file for %j %j', (title, expected) => {
    expect(analysisId(title)).toBe(expected);
  });
});

describe('nextOrder', () => {
  test.each([
    [[], 1],
    [[1, 2], 3],
    [[3, 1], 4],
  ])('after %j comes %i', (taken, expected) => {
    expect(nextOrder(taken)).toBe(expected);
  });
});

describe('analysisFile', () => {
  const source = analysisFile('Trade: What "Next"?');

  test('fills in the title, quoted safely, and leaves the rest for the editor', () => {
    expect(frontmatterOf(source)).toEqual({
      title: 'Trade: What "Next"?',
      dek: '',
      published: '',
      source: { name: '', url: '' },
    });
  });

  test('is refused by the check until the editor fills it in, then accepted', () => {
    expect(analysisSchema.safeParse(frontmatterOf(source)).success).toBe(false);
    const filled = source
      .replace('dek: ""', 'dek: "One sentence."')
      .replace('published: ""', 'published: 2025-01')
      .replace('name: ""', 'name: Example')
      .replace('url: ""', 'url: https://example.org/');
    expect(analysisSchema.safeParse(frontmatterOf(filled)).success).toBe(true);
  });

  test('explains each field in a comment', () => {
    expect(source).toMatch(/# One sentence in our own words[^\n]*\ndek: ""/);
    expect(source).toMatch(/# When the piece appeared: YYYY, YYYY-MM or YYYY-MM-DD[^\n]*\npublished: ""/);
    expect(source).toMatch(/# photo:\n#   caption: ""/);
  });

  test('offers the editors’ takeaways, commented out, and accepts them once written', () => {
    expect(source).toMatch(
      /# Optional: 1 to 5 takeaways, the editors’ summary[^\n]*\n# takeaways:\n# {3}- ""/,
    );
    const filled = source
      .replace('dek: ""', 'dek: "One sentence."')
      .replace('published: ""', 'published: 2025-01')
      .replace('name: ""', 'name: Example')
      .replace('url: ""', 'url: https://example.org/')
      .replace('# takeaways:\n#   - ""', 'takeaways:\n  - "Trade talks resumed."');
    expect(analysisSchema.parse(frontmatterOf(filled)).takeaways).toEqual(['Trade talks resumed.']);
  });
});

describe('commentaryFile', () => {
  const source = commentaryFile({ analysis: 'piece', expert: 'ada', inventory: inventory(FILES) });

  test('fills in the analysis, the expert and the next free order', () => {
    expect(frontmatterOf(source)).toEqual({
      analysis: 'piece',
      expert: 'ada',
      question: '',
      order: 4,
      themes: null,
    });
  });

  test('lists the allowed analyses, experts and themes, with each theme’s terms', () => {
    expect(source).toMatch(/One of: piece\.\nanalysis: piece/);
    expect(source).toMatch(/One of: ada, ben\.\nexpert: ada/);
    expect(source).toMatch(/Taken already: 1, 3\.\norder: 4/);
    expect(source).toMatch(/^ {2}# - energy {3}# Energy$/m);
    expect(source).toMatch(/^ {2}# - water {4}# Water; terms: water, river\*$/m);
  });

  test('becomes valid once a theme is uncommented and the question written', () => {
    const filled = source.replace('question: ""', 'question: "Why?"').replace('  # - water', '  - water');
    expect(commentarySchema.parse(frontmatterOf(filled)).themes).toEqual(['water']);
  });

  test('offers the editors’ bottom line, commented out, and accepts it once written', () => {
    expect(source).toMatch(/# Optional: the editors’ bottom line[^\n]*\n# bottomLine: ""/);
    const filled = source
      .replace('question: ""', 'question: "Why?"')
      .replace('  # - water', '  - water')
      .replace('# bottomLine: ""', 'bottomLine: "Water sharing is the crux."');
    expect(commentarySchema.parse(frontmatterOf(filled)).bottomLine).toBe('Water sharing is the crux.');
  });
});
