import { describe, expect, test } from 'vitest';
import { hostIntroductions, noIntroductions, perAnalysis } from './record-variants.mjs';

const doc = (url, head, body) => ({
  url,
  content: `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`,
});
const filter = (key, value) => `<meta data-pagefind-filter="${key}[content]" content="${value}">`;
const records = [
  doc('/commentaries/a1/ada/', filter('expert', 'ada'), '<a id="p-x"></a><p>Ada on a1.</p>'),
  doc('/commentaries/a1/ben/', filter('expert', 'ben'), '<a id="p-y"></a><p>Ben on a1.</p>'),
  doc('/commentaries/a2/ada/', filter('expert', 'ada'), '<a id="p-z"></a><p>Ada on a2.</p>'),
  doc('/analyses/a1/#introduction', filter('analysis', 'a1'), '<a id="introduction"></a><p>Intro of a1.</p>'),
  doc('/themes/t/', '', '<a id="theme"></a><p>Theme t.</p>'),
];

describe('record variants', () => {
  test('noIntroductions leaves out only the introductions', () => {
    expect(noIntroductions(records).map((r) => r.url)).toEqual([
      '/commentaries/a1/ada/',
      '/commentaries/a1/ben/',
      '/commentaries/a2/ada/',
      '/themes/t/',
    ]);
  });

  test('hostIntroductions puts an introduction at the end of its analysis’s first commentary only', () => {
    const hosted = hostIntroductions(records);
    expect(hosted.map((r) => r.url)).toEqual(noIntroductions(records).map((r) => r.url));
    expect(hosted[0].content).toContain(
      '<p>Ada on a1.</p><a id="introduction"></a><p>Intro of a1.</p></body>',
    );
    expect(hosted[0].content).toContain(filter('expert', 'ada'));
    expect(hosted[1]).toEqual(records[1]);
    expect(hosted[2]).toEqual(records[2]);
  });

  test('perAnalysis makes one record of an analysis, with the filters of all its parts', () => {
    const merged = perAnalysis(records);
    expect(merged.map((r) => r.url)).toEqual(['/analyses/a1/', '/analyses/a2/', '/themes/t/']);
    for (const part of [
      'Ada on a1.',
      'Ben on a1.',
      'Intro of a1.',
      filter('expert', 'ben'),
      filter('analysis', 'a1'),
    ])
      expect(merged[0].content).toContain(part);
    expect(merged[1].content).not.toContain('a1');
  });
});
