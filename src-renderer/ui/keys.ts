/**
 * React keys for a list whose items have no id: each item's key is made from its content, with
 * `#2`, `#3`… added to a repeat (two identical header lines, the same warning twice), so keys stay
 * unique and follow the item, not its position.
 */
export function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Array<{ key: string; item: T }> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: count === 1 ? base : `${base}#${count}`, item };
  });
}
