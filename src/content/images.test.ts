import { describe, expect, test } from 'vitest';
import { imageProblems, imageRelativeToEntry, MAX_IMAGE_BYTES, srcsetWidths } from './images.ts';

const files: Record<string, number> = {
  'images/lead.jpg': 200_000,
  'images/huge.png': MAX_IMAGE_BYTES + 1,
  'images/edge.png': MAX_IMAGE_BYTES,
};
const sizeOf = (path: string) => files[path];
const photo = (extra: Record<string, unknown>) => ({
  photo: { caption: 'A harbour.', credit: 'A. N.', ...extra },
});

describe('imageProblems', () => {
  test.each([
    ['a caption and credit without an image (as the seed has)', photo({})],
    ['an image with its alt text', photo({ file: 'images/lead.jpg', alt: 'Boats in a harbour.' })],
    ['an image of exactly 10 MB', photo({ file: 'images/edge.png', alt: 'A chart.' })],
    ['no photo at all', {}],
  ])('accepts %s', (_, data) => {
    expect(imageProblems('analyses', data, sizeOf)).toEqual([]);
  });

  test.each([
    [
      'an image without alt text',
      photo({ file: 'images/lead.jpg' }),
      'photo.alt',
      /^is missing: say in a sentence what the image shows/,
    ],
    [
      'alt text without an image',
      photo({ alt: 'Boats.' }),
      'photo.file',
      /^is missing: alt describes an image/,
    ],
    [
      'a file that is not there',
      photo({ file: 'images/gone.jpg', alt: 'Boats.' }),
      'photo.file',
      /^there is no file "images\/gone.jpg" in the content folder: add the image there, or correct the path$/,
    ],
    [
      'a file over 10 MB',
      photo({ file: 'images/huge.png', alt: 'Boats.' }),
      'photo.file',
      /^"images\/huge.png" is 10\.0 MB \(10,485,761 bytes\), more than the 10 MB an image may be: save it smaller/,
    ],
  ])('refuses %s, naming the field', (_, data, field, message) => {
    const problems = imageProblems('analyses', data, sizeOf);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toMatch(message);
  });

  test('checks an expert’s portrait under its own field', () => {
    const data = { portrait: { file: 'images/gone.jpg', alt: 'Jane Doe.', credit: 'Self' } };
    expect(imageProblems('experts', data, sizeOf).map((p) => p.field)).toEqual(['portrait.file']);
  });

  test('ignores collections without images', () => {
    expect(imageProblems('themes', { photo: { file: 'images/gone.jpg' } }, sizeOf)).toEqual([]);
  });
});

describe('imageRelativeToEntry', () => {
  test.each([
    ['analyses', '/site/content/analyses/a.md', '../images/lead.jpg'],
    ['experts', '/site/content/experts/jane.md', '../images/lead.jpg'],
  ] as const)('makes a path from the content folder relative to a file of %s', (collection, entry, file) => {
    const field = collection === 'analyses' ? 'photo' : 'portrait';
    const data = { title: 'T', [field]: { file: 'images/lead.jpg', alt: 'A.' } };
    expect(imageRelativeToEntry(collection, data, '/site/content', entry)).toEqual({
      title: 'T',
      [field]: { file, alt: 'A.' },
    });
  });

  test('leaves an entry without an image file as it is', () => {
    const data = photo({});
    expect(imageRelativeToEntry('analyses', data, '/site/content', '/site/content/analyses/a.md')).toBe(data);
  });
});

describe('srcsetWidths', () => {
  test.each([
    [2000, [480, 960, 1440], [480, 960, 1440]],
    [1000, [480, 960, 1440], [480, 960, 1000]],
    [300, [480, 960], [300]],
    [960, [480, 960], [480, 960]],
  ])('an image %d px wide is made at %j → %j', (original, wanted, widths) => {
    expect(srcsetWidths(original, wanted)).toEqual(widths);
  });
});
