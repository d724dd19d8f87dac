import { describe, expect, test } from 'vitest';
import { escapeHtml, escapeXml } from './escape.ts';

describe('escapeHtml', () => {
  test.each([
    ['Tariffs & Oil', 'Tariffs &amp; Oil'],
    ['<b class="x">', '&lt;b class=&quot;x&quot;&gt;'],
    ["it's", "it's"],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('escapeXml', () => {
  test.each([
    ['Tariffs & Oil', 'Tariffs &amp; Oil'],
    ['<p class="x">it’s</p>', '&lt;p class=&quot;x&quot;&gt;it’s&lt;/p&gt;'],
    ["O'Brien", 'O&apos;Brien'],
    ['bell\u0007 and form\u000Cfeed', 'bell and formfeed'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
  ])('escapes %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});
