import { describe, expect, test } from 'vitest';
import { contentDirFromEnv } from './dir.mjs';

describe('contentDirFromEnv', () => {
  test.each([
    [undefined, 'content'],
    ['', 'content'],
    ['  ', 'content'],
    ['fixtures/broken/', 'fixtures/broken'],
    ['/tmp/site-content', '/tmp/site-content'],
  ])('reads CONTENT_DIR=%j as %s', (value, expected) => {
    expect(contentDirFromEnv({ CONTENT_DIR: value })).toBe(expected);
  });
});
