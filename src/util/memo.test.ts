import { describe, expect, test } from 'vitest';
import { remembered } from './memo.ts';

describe('remembered', () => {
  test('computes each answer once, undefined ones too', () => {
    const asked: string[] = [];
    const length = remembered((key) => (asked.push(key), key === 'none' ? undefined : key.length));
    expect([length('abc'), length('abc'), length('none'), length('none'), length('de')]).toEqual([
      3,
      3,
      undefined,
      undefined,
      2,
    ]);
    expect(asked).toEqual(['abc', 'none', 'de']);
  });

  test('forgets everything once it holds `limit` answers, and still answers right', () => {
    const asked: string[] = [];
    const upper = remembered((key) => (asked.push(key), key.toUpperCase()), 2);
    expect(['a', 'b', 'c', 'a'].map(upper)).toEqual(['A', 'B', 'C', 'A']);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
