import { describe, expect, test } from 'vitest';
import { orcidCheckCharacter, orcidUrl } from './orcid.ts';

describe('orcidUrl', () => {
  // iDs from ORCID's own documentation of the check digit, one ending in X.
  test.each([
    ['0000-0002-1825-0097', 'https://orcid.org/0000-0002-1825-0097'],
    ['https://orcid.org/0000-0001-5109-3700', 'https://orcid.org/0000-0001-5109-3700'],
    ['http://orcid.org/0000-0002-1694-233x/', 'https://orcid.org/0000-0002-1694-233X'],
    ['  0000-0002-1694-233X ', 'https://orcid.org/0000-0002-1694-233X'],
  ])('accepts %s as %s', (value, url) => {
    expect(orcidUrl(value)).toBe(url);
  });

  test.each([
    ['a wrong check digit', '0000-0002-1825-0098'],
    ['too few digits', '0000-0002-1825-009'],
    ['no hyphens', '0000000218250097'],
    ['another host', 'https://example.org/0000-0002-1825-0097'],
    ['a name', 'Jane Doe'],
  ])('refuses %s', (_, value) => {
    expect(orcidUrl(value)).toBeUndefined();
  });
});

describe('orcidCheckCharacter', () => {
  test('is X when the remainder is ten', () => {
    expect(orcidCheckCharacter('000000021694233')).toBe('X');
  });
});
