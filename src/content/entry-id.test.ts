import { describe, expect, test } from 'vitest';
import { entryId } from './entry-id.ts';

describe('entryId', () => {
  test.each([
    ['jane-doe.md', 'jane-doe'],
    ['Jane-Doe.md', 'jane-doe'],
    ['Jane Doe.md', 'jane-doe'],
    ['piece/expert.md', 'piece/expert'],
    ['Piece/Expert.md', 'piece/expert'],
    ['piece/index.md', 'piece'],
    ['a.b.md', 'ab'],
  ])('gives %s the id %s, as Astro does', (path, expected) => {
    expect(entryId(path)).toBe(expected);
  });

  test('takes a slug from the frontmatter over the file name', () => {
    expect(entryId('anything.md', { slug: 'chosen' })).toBe('chosen');
  });

  test('maps two spellings of one name to the same id', () => {
    expect(entryId('Foo.md')).toBe(entryId('foo.md'));
  });
});
