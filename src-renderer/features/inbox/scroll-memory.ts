/**
 * Where each inbox list was scrolled to, by list (filters and toggles), for as long as the page
 * lives: going to a delivery and back finds the list where it was left.
 */
const offsets = new Map<string, number>();
const LIMIT = 50;

export function rememberScroll(listKey: string, top: number): void {
  offsets.delete(listKey);
  offsets.set(listKey, top);
  if (offsets.size > LIMIT) offsets.delete(offsets.keys().next().value!);
}

export const rememberedScroll = (listKey: string): number => offsets.get(listKey) ?? 0;
