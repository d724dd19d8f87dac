import { describe, expect, test } from 'vitest';
import { isSafeUrl, isWebUrl, safeHref, urlScheme } from './safe-url.ts';

describe('urlScheme', () => {
  test.each([
    ['https://example.org/a', 'https'],
    ['HTTP://example.org', 'http'],
    ['mailto:ada@example.org', 'mailto'],
    ['javascript:alert(1)', 'javascript'],
    ['JaVaScRiPt:alert(1)', 'javascript'],
    [' \u0001javascript:alert(1)', 'javascript'],
    ['java\tscr\nipt:alert(1)', 'javascript'],
    ['data:text/html,<p>hi</p>', 'data'],
    ['/experts/ada/', undefined],
    ['#p-opening-words', undefined],
    ['?q=water', undefined],
    ['//example.org/x', undefined],
    ['notes/a:b', undefined],
    ['javascript%3Aalert(1)', undefined],
  ])('reads %j as %s', (url, scheme) => {
    expect(urlScheme(url)).toBe(scheme);
  });
});

describe('isSafeUrl', () => {
  test.each([
    'https://example.org',
    'http://example.org',
    'mailto:a@example.org',
    '/x/',
    '#p-a',
    '',
    'page.html',
  ])('publishes %j', (url) => {
    expect(isSafeUrl(url)).toBe(true);
    expect(safeHref(url)).toBe(url);
  });

  test.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    'file:///etc/passwd',
    'blob:https://example.org/x',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
    expect(safeHref(url)).toBeUndefined();
  });
});

describe('isWebUrl', () => {
  test.each([
    ['https://example.org/piece', true],
    ['http://example.org', true],
    ['javascript:alert(1)', false],
    ['mailto:a@example.org', false],
    ['data:,x', false],
    ['/relative', false],
  ])('%j → %s', (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});
