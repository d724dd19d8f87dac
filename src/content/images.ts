/**
 * The content's images: an analysis's lead image (`photo.file`) and an expert's portrait
 * (`portrait.file`), each a path from the content folder with its alt text. What the check and the
 * build both refuse (a file that is not there, no alt text, a file over 10 MB) is decided here,
 * once; the callers say how big a file is. Pure but for `node:path`.
 */
import { relative, resolve, sep } from 'node:path';
import type { CollectionName } from './schemas.ts';

/** The largest image file the site accepts: bigger ones slow every build and are never needed. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** The field of each collection that holds an image, as `{ file, alt, … }`. */
export const IMAGE_FIELDS: Partial<Record<CollectionName, string>> = {
  analyses: 'photo',
  experts: 'portrait',
};

/** How big a file is, given its path from the content folder; undefined when there is no such regular file there. */
export type FileSize = (path: string) => number | undefined;

/** A problem with an entry's image: the field and the message, as the check writes them. */
export interface ImageProblem {
  field: string;
  message: string;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const trimmed = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** `12345678` → `11.8`. */
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The image an entry's frontmatter names, if any: its field, file and alt text as written. */
export function imageOf(
  collection: CollectionName,
  data: Record<string, unknown>,
): { field: string; file?: string; alt?: string } | undefined {
  const field = IMAGE_FIELDS[collection];
  const value = field ? record(data[field]) : undefined;
  if (!field || !value) return undefined;
  const file = trimmed(value.file);
  const alt = trimmed(value.alt);
  return { field, ...(file ? { file } : {}), ...(alt ? { alt } : {}) };
}

/** What is wrong with an entry's image: alt text without a file or a file without it, a missing file, one over 10 MB. */
export function imageProblems(
  collection: CollectionName,
  data: Record<string, unknown>,
  sizeOf: FileSize,
): ImageProblem[] {
  const image = imageOf(collection, data);
  if (!image) return [];
  const { field, file, alt } = image;
  const problems: ImageProblem[] = [];
  if (file && !alt)
    problems.push({
      field: `${field}.alt`,
      message:
        'is missing: say in a sentence what the image shows, for readers who cannot see it (it is read out in its place)',
    });
  if (!file && alt)
    problems.push({
      field: `${field}.file`,
      message: 'is missing: alt describes an image, so add the image’s file, or remove alt',
    });
  if (file) {
    const size = sizeOf(file);
    if (size === undefined)
      problems.push({
        field: `${field}.file`,
        message: `there is no file "${file}" in the content folder: add the image there, or correct the path`,
      });
    else if (size > MAX_IMAGE_BYTES)
      problems.push({
        field: `${field}.file`,
        message: `"${file}" is ${megabytes(size)} MB (${size.toLocaleString('en')} bytes), more than the ${MAX_IMAGE_BYTES / 1024 / 1024} MB an image may be: save it smaller (2,400 pixels wide is plenty; the site makes the smaller sizes itself)`,
      });
  }
  return problems;
}

/**
 * The frontmatter with its image path made relative to the entry's own file, as Astro's `image()`
 * resolves it (editors write it from the content folder, as for the logo in site.yml).
 */
export function imageRelativeToEntry(
  collection: CollectionName,
  data: Record<string, unknown>,
  contentFolder: string,
  entryFile: string,
): Record<string, unknown> {
  const image = imageOf(collection, data);
  if (!image?.file) return data;
  const fromEntry = relative(resolve(entryFile, '..'), resolve(contentFolder, image.file))
    .split(sep)
    .join('/');
  const file = fromEntry.startsWith('../') ? fromEntry : `./${fromEntry}`;
  return { ...data, [image.field]: { ...record(data[image.field]), file } };
}

/** The widths to make of an image for its srcset: those wanted that it is wide enough for, and its own width when it is narrower than the widest. */
export function srcsetWidths(original: number, wanted: readonly number[]): number[] {
  const fitting = wanted.filter((w) => w <= original);
  const widest = Math.max(...wanted);
  return original < widest && !fitting.includes(original) ? [...fitting, original] : fitting;
}
