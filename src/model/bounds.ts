/** Bounds on what a page shows of a list that grows with the archive: the few items that weigh most. */

/**
 * The `limit` items of greatest `weight` (equal weights ordered by `tie`), returned in their given
 * order, so that a page keeps its usual order (experts by name) and shows only the weightiest.
 */
export function heaviest<T>(
  items: readonly T[],
  weight: (item: T) => number,
  limit: number,
  tie: (a: T, b: T) => number,
): T[] {
  if (items.length <= limit) return [...items];
  const weighed = items.map((item) => ({ item, weight: weight(item) }));
  const kept = new Set(
    weighed
      .sort((a, b) => b.weight - a.weight || tie(a.item, b.item))
      .slice(0, Math.max(0, limit))
      .map(({ item }) => item),
  );
  return items.filter((item) => kept.has(item));
}
