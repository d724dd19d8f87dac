/** Splitting long lists so that no page grows with the whole corpus. */

/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** Total number of pages (at least 1). */
  count: number;
  items: T[];
}

/** Splits items into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`Page size must be a whole number ≥ 1, not ${size}.`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** The first `limit` items and how many were left out. */
export function preview<T>(items: readonly T[], limit: number): { shown: T[]; hidden: number } {
  return { shown: items.slice(0, limit), hidden: Math.max(0, items.length - limit) };
}

/** A page's title: the list's own on page 1, then with its place, "Title (page 2 of 5)". */
export function pageTitle(title: string, page: Pick<Page<unknown>, 'number' | 'count'>): string {
  return page.number <= 1 ? title : `${title} (page ${page.number} of ${page.count})`;
}
