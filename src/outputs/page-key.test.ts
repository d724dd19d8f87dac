import { describe, expect, test } from 'vitest';
import { digestOf, pageKey } from './page-key.ts';

const commentary = () => ({
  id: 'a/ben',
  question: 'What next?',
  blocks: [{ kind: 'passage', id: 'p-one', text: 'One.', themes: ['water'], html: '<p>One.</p>' }],
  published: new Date('2024-04-01T00:00:00Z'),
});

describe('pageKey', () => {
  test('is the same for equal data built separately', () => {
    expect(pageKey(commentary(), { name: 'Ben' })).toBe(pageKey(commentary(), { name: 'Ben' }));
  });

  test.each<[string, (c: ReturnType<typeof commentary>) => void]>([
    ['a word of a passage', (c) => (c.blocks[0]!.text = 'Two.')],
    ['a passage’s themes', (c) => (c.blocks[0]!.themes = [])],
    ['its HTML', (c) => (c.blocks[0]!.html = '<p>Two.</p>')],
    ['a date', (c) => (c.published = new Date('2024-05-01T00:00:00Z'))],
    ['a field added', (c) => Object.assign(c, { note: 'new' })],
  ])('changes with %s', (_, edit) => {
    const changed = commentary();
    edit(changed);
    expect(pageKey(changed)).not.toBe(pageKey(commentary()));
  });

  test('tells apart what JSON would not: Maps, Sets, undefined and a string', () => {
    expect(digestOf(new Map([['water', 1]]))).not.toBe(digestOf(new Map([['water', 2]])));
    expect(digestOf(new Set(['a']))).not.toBe(digestOf(new Set(['b'])));
    expect(digestOf([undefined])).not.toBe(digestOf(['<undefined>']));
    expect(digestOf({ a: undefined })).not.toBe(digestOf({}));
  });

  test('tells a long text from another, and from its digest written as a short one', () => {
    const long = 'word '.repeat(100);
    expect(digestOf({ text: long })).toBe(digestOf({ text: 'word '.repeat(100) }));
    expect(digestOf({ text: long })).not.toBe(digestOf({ text: `${long}!` }));
    expect(digestOf({ text: long })).not.toBe(digestOf({ text: digestOf(long) }));
  });

  test('tells a small object, whose text stands for it, from that text as a string', () => {
    expect(digestOf({ x: { a: 1 } })).not.toBe(digestOf({ x: digestOf({ a: 1 }) }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf(digestOf({ a: 1 })));
    expect(digestOf([{ a: '(' }, { b: ')' }])).not.toBe(digestOf([{ a: '(', b: ')' }]));
    expect(digestOf({ a: 1 })).toBe(digestOf({ a: 1 }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
  });

  test('changes with the order of a list, which a page shows in that order', () => {
    expect(pageKey(['a', 'b'])).not.toBe(pageKey(['b', 'a']));
  });

  test('refuses a function, whose result it cannot see', () => {
    expect(() => pageKey({ analysis: (id: string) => id })).toThrow(/cannot digest a function/);
  });

  test('digests an image by its built address, size and format, an SVG component (a function) too', () => {
    const svg = (src: string) =>
      Object.assign(() => '<svg></svg>', { src, width: 120, height: 40, format: 'svg' });
    const key = pageKey({ logo: { file: svg('/_astro/logo.aaa.svg'), alt: 'Logo' } });
    expect(key).toBe(pageKey({ logo: { file: svg('/_astro/logo.aaa.svg'), alt: 'Logo' } }));
    // A new file is a new built address: the page is rendered again.
    expect(key).not.toBe(pageKey({ logo: { file: svg('/_astro/logo.bbb.svg'), alt: 'Logo' } }));
    const photo = { src: '/_astro/lead.ccc.png', width: 800, height: 600, format: 'png' };
    expect(pageKey(photo)).not.toBe(pageKey({ ...photo, width: 801 }));
  });
});
