import { describe, expect, test } from 'vitest';
import { analysisSchema, expertSchema, partialDate } from './schemas.ts';

describe('partialDate', () => {
  test.each([
    ['2024-04', '2024-04'],
    [' 2024-04-26 ', '2024-04-26'],
    [2024, '2024'],
    [new Date(Date.UTC(2024, 3, 26)), '2024-04-26'],
  ])('accepts %j as %s, however YAML typed it', (input, iso) => {
    expect(partialDate.parse(input).iso).toBe(iso);
  });

  test.each(['2024-02-30', 'April 2024', '2024-4', '', 2024.5, new Date(NaN), ['2024']])(
    'refuses %j',
    (input) => {
      expect(partialDate.safeParse(input).success).toBe(false);
    },
  );

  test('names the impossible date the checker’s YAML read', () => {
    const result = partialDate.safeParse(Object.assign(new Date(NaN), { text: '2024-02-30' }));
    expect(result.error?.issues[0]?.message).toMatch(/^"2024-02-30" is not a date/);
  });
});

describe('expertSchema: the profile fields', () => {
  const expert = { name: 'Jane Doe', givenName: 'Jane', familyName: 'Doe', affiliation: 'Example Institute' };
  const issues = (extra: Record<string, unknown>) =>
    expertSchema.safeParse({ ...expert, ...extra }).error?.issues.map((i) => [i.path.join('.'), i.message]) ??
    [];

  test('accepts an expert without any of them, as the seed experts are', () => {
    expect(expertSchema.parse(expert)).toEqual(expert);
  });

  test('publishes an ORCID iD as its address, however it was written', () => {
    const parsed = expertSchema.parse({ ...expert, links: { orcid: '0000-0002-1694-233x' } });
    expect(parsed.links?.orcid).toBe('https://orcid.org/0000-0002-1694-233X');
  });

  test.each([
    [
      'a portrait without alt text',
      { portrait: { file: 'images/jane.jpg', credit: 'Self' } },
      'portrait.alt',
    ],
    [
      'a portrait without credit',
      { portrait: { file: 'images/jane.jpg', alt: 'Jane Doe' } },
      'portrait.credit',
    ],
    [
      'a portrait that is not an image',
      { portrait: { file: 'jane.pdf', alt: 'J', credit: 'S' } },
      'portrait.file',
    ],
    ['an ORCID iD with a wrong check digit', { links: { orcid: '0000-0002-1825-0098' } }, 'links.orcid'],
    ['a javascript: profile', { links: { social: ['javascript:alert(1)'] } }, 'links.social.0'],
    ['a data: institution page', { links: { institution: 'data:text/html,x' } }, 'links.institution'],
    ['an unknown kind of link', { links: { homepage: 'https://example.org/' } }, 'links'],
  ])('refuses %s, naming the field', (_, extra, field) => {
    expect(issues(extra).map(([path]) => path)).toEqual([field]);
  });
});

describe('analysisSchema: the lead image', () => {
  const analysis = { title: 'T', dek: 'D', published: '2024' };

  test.each([
    ['a caption and credit only, as the seed has', { caption: 'A harbour.', credit: 'A. N.' }],
    ['an image file with alt text', { file: 'images/a.webp', alt: 'Boats.', caption: 'C', credit: 'A. N.' }],
  ])('accepts %s', (_, photo) => {
    expect(analysisSchema.safeParse({ ...analysis, photo }).success).toBe(true);
  });

  test('refuses a file that is not an image the pipeline converts', () => {
    const photo = { file: 'images/a.gif', alt: 'A.', caption: 'C', credit: 'A. N.' };
    expect(analysisSchema.safeParse({ ...analysis, photo }).error?.issues[0]?.message).toMatch(
      /^must be an image file ending in \.jpg, \.jpeg, \.png, \.webp, \.avif$/,
    );
  });
});
