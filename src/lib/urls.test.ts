import { describe, expect, test } from 'vitest';
import { paths, withBase } from './urls';

describe('withBase', () => {
  test.each([
    ['/', 'themes/', '/themes/'],
    ['/', '/themes/', '/themes/'],
    ['/some/sub/path/', 'themes/', '/some/sub/path/themes/'],
    ['/some/sub/path', '/themes/', '/some/sub/path/themes/'],
    ['/docs/', '', '/docs/'],
  ])('joins base %s and path %s as %s', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe('paths', () => {
  test.each(['/', '/some/sub/path/'])('prefixes every page URL with the base %s', (base) => {
    const p = paths(base);
    const built = [
      p.home(),
      p.analysis('a'),
      p.commentary('a/b'),
      p.passage('a/b', 'p-x'),
      p.experts(),
      p.expert('e'),
      p.themes(),
      p.theme('t'),
      p.themeExpert('t', 'e'),
      p.search(),
      p.searchBundle(),
      p.data(),
    ];
    for (const url of built) expect(url.startsWith(base)).toBe(true);
  });

  test('keeps the slash of a nested commentary id and encodes each segment', () => {
    expect(paths('/').commentary('piece/expert one')).toBe('/commentaries/piece/expert%20one/');
  });

  test('points a passage link at its anchor on the commentary page', () => {
    expect(paths('/base/').passage('piece/expert', 'p-the-first-words')).toBe(
      '/base/commentaries/piece/expert/#p-the-first-words',
    );
  });

  test('points a theme × expert link at the expert column of the theme page', () => {
    expect(paths('/').themeExpert('taxes', 'jane-doe')).toBe('/themes/taxes/#expert-jane-doe');
  });
});
