import { describe, expect, test } from 'vitest';
import { parsePartialDate } from '../util/dates';
import { openData } from './open-data';
import { buildModel } from '../model/model';
import { paths } from './urls';

describe('openData', () => {
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
  const data = openData(site, paths('/sub/'));

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
