import { describe, expect, test } from 'vitest';
import { accentStylesheet, checkSiteFile, footerHref } from './identity.ts';
import { isSafeLink } from './schemas.ts';

const VALID = `name: Example Review
tagline: Short takes on long questions.
description: Experts on the week's events.
language: en-GB
publisher:
  name: Example Institute
  url: https://example.org/
accent:
  light: "#1f4e8c"
  dark: "#8db8ff"
logo:
  file: logo.svg
  alt: Example Institute
footer:
  text: Published by the Example Institute.
  links:
    - label: Contact
      url: mailto:desk@example.org
`;

const FILE = 'content/site.yml';
const check = (source: string | undefined, files: string[] = ['logo.svg']) =>
  checkSiteFile({ file: FILE, source, hasFile: (path) => files.includes(path) });
const lines = (source: string | undefined, files?: string[]) =>
  check(source, files).problems.map((p) => `${p.file} › ${p.field}: ${p.message}`);

describe('checkSiteFile', () => {
  test('reads a valid identity, filling in optional parts', () => {
    const { problems, identity } = check(VALID);
    expect(problems).toEqual([]);
    expect(identity).toMatchObject({
      name: 'Example Review',
      language: 'en-GB',
      publisher: { name: 'Example Institute', url: 'https://example.org/' },
      footer: { links: [{ label: 'Contact', url: 'mailto:desk@example.org' }] },
    });
    expect(check(VALID.replace(/ {2}links:[\s\S]*$/, '')).identity?.footer.links).toEqual([]);
  });

  test.each([
    ['a missing file', undefined, 'file', /^is missing: create it/],
    ['YAML that does not parse', 'name: A: B\n', 'file', /^line 1: /],
    [
      'a missing field',
      VALID.replace(/^tagline: .*\n/m, ''),
      'tagline',
      /^is missing: add a line "tagline: …"/,
    ],
    [
      'an unquoted colour, which YAML reads as a comment',
      VALID.replace('"#1f4e8c"', '#1f4e8c'),
      'accent.light',
      /^is empty: fill it in \(.*in quotes/,
    ],
    [
      'a colour that is no colour',
      VALID.replace('"#1f4e8c"', '"navy"'),
      'accent.light',
      /must be a colour written as "#rrggbb"/,
    ],
    [
      'an accent too pale for light mode',
      VALID.replace('"#1f4e8c"', '"#9ab"'),
      'accent.light',
      /^#99aabb has a contrast of only \d\.\d\d:1 against the light background #fdfcfa .*use a darker colour/,
    ],
    [
      'an accent too dark for dark mode',
      VALID.replace('"#8db8ff"', '"#1f4e8c"'),
      'accent.dark',
      /^#1f4e8c has a contrast of only .* against the dark background #15171a .*use a lighter colour/,
    ],
    [
      'a logo that is not an image',
      VALID.replace('logo.svg', 'logo.pdf'),
      'logo.file',
      /must be an image file ending in \.svg/,
    ],
    ['a logo without alt text', VALID.replace(/^ {2}alt: .*\n/m, ''), 'logo.alt', /^is missing/],
    [
      'a javascript: footer link',
      VALID.replace('mailto:desk@example.org', 'javascript:alert(1)'),
      'footer.links[0].url',
      /must start with https:\/\//,
    ],
    ['a language that is not a tag', VALID.replace('en-GB', 'English'), 'language', /must be a language tag/],
    [
      'an unknown field',
      `${VALID}colour: red\n`,
      'colour',
      /^is not a field: .* the fields are name, tagline/,
    ],
  ])('refuses %s, naming the field', (_, source, field, message) => {
    const found = lines(source);
    const line = found.find((l) => l.startsWith(`${FILE} › ${field}: `));
    expect(line, found.join('\n')).toBeDefined();
    expect(line!.slice(`${FILE} › ${field}: `.length)).toMatch(message);
  });

  test('refuses a logo file that does not exist, naming file and field', () => {
    expect(lines(VALID, [])).toEqual([
      `${FILE} › logo.file: there is no file "logo.svg" in the content folder: add the image there, or correct the path`,
    ]);
  });
});

describe('isSafeLink', () => {
  test.each([
    'https://example.org',
    'http://example.org/a',
    'mailto:a@example.org',
    'about/',
    '/about/',
    'data/x.json',
  ])('accepts %s', (url) => expect(isSafeLink(url)).toBe(true));
  test.each([
    'javascript:alert(1)',
    'data:text/html,x',
    '//evil.example',
    'ftp://example.org',
    'https://',
    'a b',
  ])('refuses %s', (url) => expect(isSafeLink(url)).toBe(false));
});

describe('accentStylesheet', () => {
  test('sets the accent for light mode and, in a media query, for dark mode', () => {
    const css = accentStylesheet({ light: '#ABC', dark: '#8db8ff' });
    expect(css).toMatch(/^:root \{\n {2}--color-accent: #aabbcc;\n\}/m);
    expect(css).toMatch(
      /@media \(prefers-color-scheme: dark\) \{\n {2}:root \{\n {4}--color-accent: #8db8ff;/,
    );
  });
});

describe('footerHref', () => {
  const withBase = (path: string) => `/base/${path.replace(/^\/+/, '')}`;
  test.each([
    ['https://example.org/x', 'https://example.org/x'],
    ['mailto:a@example.org', 'mailto:a@example.org'],
    ['about/', '/base/about/'],
    ['/about/', '/base/about/'],
  ])('%s → %s', (url, href) => expect(footerHref(url, withBase)).toBe(href));
});
