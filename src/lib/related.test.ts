import { describe, expect, test } from 'vitest';
import { relatedPerspectives } from './related';
import { fixtureSite } from './site.fixture';

const site = fixtureSite();
const summary = (commentaryId: string) =>
  relatedPerspectives(
    site.commentaries.find((c) => c.id === commentaryId)!,
    site,
  ).map(({ theme, columns }) => ({
    theme: theme.id,
    experts: columns.map((c) => [c.expert.id, c.passages.map((p) => `${p.commentary.id}#${p.passage.id}`)]),
  }));

describe('relatedPerspectives', () => {
  test('gives, for each theme of the commentary, the other experts’ passages on it', () => {
    expect(summary('newer/cy-dunn')).toEqual([
      {
        theme: 'energy',
        experts: [
          [
            'ann-bell',
            ['newer/ann-bell#p-oil-followed-the-tariffs', 'older/ann-bell#p-oil-was-the-story-in-march'],
          ],
        ],
      },
    ]);
  });

  test('leaves out the commentary’s own expert, even their other commentaries', () => {
    const experts = summary('older/ann-bell').flatMap((t) => t.experts.map(([id]) => id));
    expect(experts).toEqual(['cy-dunn']);
  });

  test('follows the order in which the commentary declares its themes, and skips themes no one else speaks to', () => {
    expect(summary('newer/ann-bell').map((t) => t.theme)).toEqual(['energy']);
  });
});
