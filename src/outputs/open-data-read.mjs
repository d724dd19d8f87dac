// Plain JavaScript so that the bench, the tests and other Node scripts can read a built export unbuilt.
// Reads the open-data export written by `open-data.ts`: the index, then its parts, joined.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Joins the parts of the export into one object of the shape the export had in one file
 * (format 1): every analysis, expert, theme and commentary once, in the order of the parts.
 * @template {{ id: string }} A
 * @template {{ id: string }} E
 * @template {{ id: string }} T
 * @template {{ id: string }} C
 * @param {readonly { analyses: A[]; experts: E[]; themes: T[]; commentaries: C[] }[]} parts
 * @returns {{ analyses: A[]; experts: E[]; themes: T[]; commentaries: C[] }}
 */
export function joinOpenData(parts) {
  /**
   * @template {{ id: string }} X
   * @param {(part: (typeof parts)[number]) => X[]} entries
   * @returns {X[]}
   */
  const all = (entries) => {
    /** @type {Map<string, X>} */
    const byId = new Map();
    for (const part of parts)
      for (const entry of entries(part)) if (!byId.has(entry.id)) byId.set(entry.id, entry);
    return [...byId.values()];
  };
  return {
    analyses: all((p) => p.analyses),
    experts: all((p) => p.experts),
    themes: all((p) => p.themes),
    commentaries: all((p) => p.commentaries),
  };
}

/**
 * Reads the export of a built site (`dist`): `data/commentaries.json`, then each part it lists
 * (`data/commentaries/<n>.json`), and joins them (`joinOpenData`).
 * @param {string} dist
 */
export function readOpenData(dist) {
  /** @param {string[]} path */
  const read = (...path) => JSON.parse(readFileSync(join(dist, 'data', ...path), 'utf8'));
  const index = read('commentaries.json');
  return joinOpenData(
    index.parts.map((/** @type {{ number: number }} */ part) => read('commentaries', `${part.number}.json`)),
  );
}
