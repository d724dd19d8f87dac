/**
 * Highlighting on landing: a search result links to `…/?highlight=word#passage`, and the reading
 * page marks those words in the passage. Kept tiny and free of imports: it ships on reading pages.
 */

/** Lower case, no accents, letters and digits only: "Russia’s" → "russias", "U.S.-China" → "uschina". */
export function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words to mark, from the `highlight` parameters of a URL: folded, without blanks or repeats. */
export function highlightTerms(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((v) => v.split(/\s+/)).map(fold))].filter(Boolean);
}

// A word: letters and digits, possibly joined by apostrophes, dots or hyphens ("U.S.-China", "Russia’s").
const WORD = /[\p{L}\p{N}]+(?:['’.\-‐‑][\p{L}\p{N}]+)*/gu;

/**
 * The [start, end) ranges of `text` to mark: words equal to a term once folded, or, for terms of
 * four letters or more, words that begin with it (a link made by hand with "opioid" marks "opioids").
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  if (terms.length === 0) return ranges;
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]);
    if (terms.some((t) => word === t || (t.length >= 4 && word.startsWith(t)))) {
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges;
}
