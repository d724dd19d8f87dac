import { describe, expect, test } from 'vitest';
import { parsePartialDate } from '../util/dates.ts';
import { openDataIndex, openDataPart, splitParts, type PartContent } from './open-data.ts';
import { joinOpenData } from './open-data-read.mjs';
import { buildModel } from '../model/model.ts';
import { paths } from './urls.ts';
import { fixtureSite } from '../model/site.fixture.ts';

describe('the open-data export, joined from its parts', () => {
  const site = buildModel({
    analyses: [
      {
        id: 'piece',
        title: 'A piece',
        dek: 'Dek.',
        published: parsePartialDate('2024-04')!,
        source: { name: 'Institute', url: 'https://example.org/piece' },
        takeaways: ['Taxes rose, then fell.'],
        body: 'Intro.',
      },
      { id: 'bare', title: 'Bare', dek: 'Dek.', published: parsePartialDate('2023')!, body: '' },
    ],
    experts: [
      { id: 'jo', name: 'Jo Bloggs', givenName: 'Jo', familyName: 'Bloggs', affiliation: 'Institute' },
    ],
    themes: [{ id: 'tax', title: 'Tax', description: 'Tax.', terms: ['tax*'] }],
    commentaries: [
      {
        id: 'piece/jo',
        analysis: 'piece',
        expert: 'jo',
        question: 'Why tax?',
        order: 1,
        themes: ['tax'],
        bottomLine: 'Taxes rose and fell.',
        body: 'Taxes *rose*.\n\nThen fell.',
      },
      {
        id: 'bare/jo',
        analysis: 'bare',
        expert: 'jo',
        question: 'And now?',
        order: 1,
        themes: ['tax'],
        body: 'Tax again.',
      },
    ],
  });
  const urls = paths('/sub/');
  const parts = splitParts(site.analyses, 1);
  const data = joinOpenData(parts.map((_, i) => openDataPart(site, urls, parts, i + 1)));

  test('gives every entity a site URL under the base path', () => {
    expect(data.analyses[0]!.url).toBe('/sub/analyses/piece/');
    expect(data.experts[0]!.url).toBe('/sub/experts/jo/');
    expect(data.themes[0]!.url).toBe('/sub/themes/tax/');
    expect(data.commentaries[0]!.url).toBe('/sub/commentaries/piece/jo/');
  });

  test('lists each passage with its permalink, themes and plain text', () => {
    expect(data.commentaries[0]!.passages).toEqual([
      {
        id: 'p-taxes-rose',
        url: '/sub/commentaries/piece/jo/#p-taxes-rose',
        themes: ['tax'],
        text: 'Taxes rose.',
      },
      { id: 'p-then-fell', url: '/sub/commentaries/piece/jo/#p-then-fell', themes: [], text: 'Then fell.' },
    ]);
  });

  test('names the expert and analysis of a commentary by id', () => {
    expect(data.commentaries[0]).toMatchObject({ analysis: 'piece', expert: 'jo', question: 'Why tax?' });
  });

  test('carries the editors’ takeaways and bottom lines, empty and null where there are none', () => {
    const analysis = (id: string) => data.analyses.find((a) => a.id === id);
    const commentary = (id: string) => data.commentaries.find((c) => c.id === id);
    expect(analysis('piece')?.takeaways).toEqual(['Taxes rose, then fell.']);
    expect(analysis('bare')?.takeaways).toEqual([]);
    expect(commentary('piece/jo')?.bottomLine).toBe('Taxes rose and fell.');
    expect(commentary('bare/jo')?.bottomLine).toBe(null);
  });
});

describe('splitParts', () => {
  const analysis = (id: string, commentaries: number) =>
    ({ id, commentaries: Array.from({ length: commentaries }, (_, i) => ({ id: `${id}/${i}` })) }) as never;
  const shape = (parts: PartContent[]) =>
    parts.map((p) => ({
      analyses: p.analyses.map((a) => a.id),
      commentaries: p.commentaries.map((c) => c.id),
    }));

  test.each([
    {
      name: 'fills each part before the next, an analysis in each part that holds one of its commentaries',
      analyses: [analysis('a', 2), analysis('b', 3)],
      size: 2,
      parts: [
        { analyses: ['a'], commentaries: ['a/0', 'a/1'] },
        { analyses: ['b'], commentaries: ['b/0', 'b/1'] },
        { analyses: ['b'], commentaries: ['b/2'] },
      ],
    },
    {
      name: 'puts an analysis across two parts when its commentaries do',
      analyses: [analysis('a', 1), analysis('b', 2)],
      size: 2,
      parts: [
        { analyses: ['a', 'b'], commentaries: ['a/0', 'b/0'] },
        { analyses: ['b'], commentaries: ['b/1'] },
      ],
    },
    {
      name: 'keeps an analysis without commentaries in the part being filled',
      analyses: [analysis('a', 2), analysis('empty', 0), analysis('b', 1)],
      size: 2,
      parts: [
        { analyses: ['a', 'empty'], commentaries: ['a/0', 'a/1'] },
        { analyses: ['b'], commentaries: ['b/0'] },
      ],
    },
    {
      name: 'has one empty part for an empty site',
      analyses: [],
      size: 2,
      parts: [{ analyses: [], commentaries: [] }],
    },
  ])('$name', ({ analyses, size, parts }) => {
    expect(shape(splitParts(analyses, size))).toEqual(parts);
  });

  test.each([0, -1, 1.5])('refuses a part size of %d', (size) => {
    expect(() => splitParts([], size)).toThrow(RangeError);
  });
});

describe('openDataIndex and openDataPart', () => {
  const site = fixtureSite();
  const urls = paths('/base/');
  const parts = splitParts(site.analyses, 2);
  const written = parts.map((_, i) => openDataPart(site, urls, parts, i + 1));

  test('the index counts the whole site and lists each part with its address and count', () => {
    const index = openDataIndex(site, urls, parts, 2);
    expect(index.counts).toEqual({
      analyses: site.analyses.length,
      experts: site.experts.length,
      themes: site.themes.length,
      commentaries: site.commentaries.length,
    });
    expect(index.partSize).toBe(2);
    expect(index.parts).toEqual(
      parts.map((p, i) => ({
        number: i + 1,
        url: `/base/data/commentaries/${i + 1}.json`,
        commentaries: p.commentaries.length,
      })),
    );
    expect(index.parts.reduce((sum, p) => sum + p.commentaries, 0)).toBe(site.commentaries.length);
  });

  test('each part says where it stands: its number, the index and its neighbours', () => {
    expect(written.length).toBeGreaterThan(1);
    written.forEach((part, i) => {
      expect(part).toMatchObject({
        part: i + 1,
        parts: written.length,
        index: '/base/data/commentaries.json',
      });
      expect(part.prev).toBe(i === 0 ? null : `/base/data/commentaries/${i}.json`);
      expect(part.next).toBe(i === written.length - 1 ? null : `/base/data/commentaries/${i + 2}.json`);
    });
  });

  test('each part holds at most the part size of commentaries, with the experts and themes they name', () => {
    for (const part of written) {
      expect(part.commentaries.length).toBeLessThanOrEqual(2);
      const named = new Set(part.commentaries.map((c) => c.expert));
      for (const e of named) expect(part.experts.map((x) => x.id)).toContain(e);
      for (const c of part.commentaries)
        for (const t of c.themes) expect(part.themes.map((x) => x.id)).toContain(t);
      for (const c of part.commentaries) expect(part.analyses.map((a) => a.id)).toContain(c.analysis);
    }
  });

  test('joined, the parts hold every entry of the site once, experts and themes no commentary names in part 1', () => {
    const joined = joinOpenData(written);
    expect(joined.analyses.map((a) => a.id)).toEqual(site.analyses.map((a) => a.id));
    expect(joined.commentaries.map((c) => c.id)).toEqual(site.commentaries.map((c) => c.id));
    expect(joined.experts.map((e) => e.id).sort()).toEqual(site.experts.map((e) => e.id).sort());
    expect(joined.themes.map((t) => t.id).sort()).toEqual(site.themes.map((t) => t.id).sort());
    expect(written[0]!.experts.map((e) => e.id)).toContain('eve-fox');
    expect(written[0]!.themes.map((t) => t.id)).toContain('unused');
  });

  test('refuses a part that does not exist', () => {
    expect(() => openDataPart(site, urls, parts, parts.length + 1)).toThrow(RangeError);
  });
});
