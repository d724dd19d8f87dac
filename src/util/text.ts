/** Counts a noun for readers: "1 passage", "3 passages", "2 commentaries". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What goes before item `index` of `count` in a reader's list: "", ", " or " and ". */
export function listSeparator(index: number, count: number): string {
  if (index === 0) return '';
  return index === count - 1 ? ' and ' : ', ';
}

/** Joins names as readers write them: "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  return names.map((name, i) => listSeparator(i, names.length) + name).join('');
}

/**
 * Shortens text to at most `words` words at a word boundary, with an ellipsis when it cut. Reads
 * no further than the word after the last one kept: pages show excerpts of long passages.
 */
export function excerpt(text: string, words: number): string {
  const kept: string[] = [];
  const word = /\S+/g;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    if (kept.length === words) return `${kept.join(' ').replace(/[\s,;:.—–-]+$/, '')}…`;
    kept.push(match[0]);
  }
  return kept.join(' ');
}

/** Compares by code unit, not locale, so that an order never depends on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `entries` sorted by id (`compareText`): the order in which the model is given each collection. */
export function byId<T extends { id: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => compareText(a.id, b.id));
}
