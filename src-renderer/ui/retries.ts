/**
 * Retries under their original: a provider that did not get a 2xx sends the same event again,
 * and a list of ten copies hides what happened. Collapsed, each retry whose original is in the
 * list is counted on the original ("×3") and left out; shown, every item stays, the original still
 * carrying its count. A retry whose original is not in the list (filtered out, not loaded yet)
 * always stays: it is the only trace of its event.
 */
export interface WithRetries<T> {
  item: T;
  /** Retries of this item in the list (0 for a retry itself). */
  retries: number;
}

export function collapseRetries<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  originalOf: (item: T) => string | null | undefined,
  show: boolean,
): Array<WithRetries<T>> {
  const ids = new Set(items.map(idOf));
  const counts = new Map<string, number>();
  for (const item of items) {
    const original = originalOf(item);
    if (original && ids.has(original)) counts.set(original, (counts.get(original) ?? 0) + 1);
  }
  const collapsed: Array<WithRetries<T>> = [];
  for (const item of items) {
    const original = originalOf(item);
    if (!show && original && ids.has(original)) continue;
    collapsed.push({ item, retries: counts.get(idOf(item)) ?? 0 });
  }
  return collapsed;
}

/** How many items a collapsed list leaves out. */
export const hiddenRetries = <T>(items: readonly T[], shown: readonly WithRetries<T>[]) => items.length - shown.length;
