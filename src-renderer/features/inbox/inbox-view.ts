/**
 * The inbox view in the route, beside the filters: the selected delivery (shown in the detail
 * pane) and whether retries are listed. Both survive opening a delivery and coming back, and a
 * shared link shows the same view.
 */
export const SELECTED = 'selected';
export const RETRIES = 'retries';

/** The delivery selected in the route, if any. */
export const selectedIn = (params: URLSearchParams): string | null => params.get(SELECTED) || null;

/** Whether retries are listed, not collapsed under their original. */
export const retriesShown = (params: URLSearchParams): boolean => params.get(RETRIES) === 'show';

/** The list's identity: filters and the retries toggle, not the selection (moving it keeps the list). */
export function listKeyOf(params: URLSearchParams): string {
  const list = new URLSearchParams(params);
  list.delete(SELECTED);
  list.sort();
  return list.toString();
}

/** The same view with another selection (null: none). */
export function withSelected(params: URLSearchParams, id: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (id === null) next.delete(SELECTED);
  else next.set(SELECTED, id);
  return next;
}

/** The same view with retries shown or collapsed. */
export function withRetries(params: URLSearchParams, show: boolean): URLSearchParams {
  const next = new URLSearchParams(params);
  if (show) next.set(RETRIES, 'show');
  else next.delete(RETRIES);
  return next;
}

/** New filters keep the retries toggle; the selection starts again. */
export function withFilters(filterParams: URLSearchParams, current: URLSearchParams): URLSearchParams {
  return withRetries(filterParams, retriesShown(current));
}

/** The ids before and after `id` in the list as shown; null at either end or when it is not listed. */
export function neighbours(ids: readonly string[], id: string): { previous: string | null; next: string | null; index: number } {
  const index = ids.indexOf(id);
  if (index < 0) return { previous: null, next: null, index };
  return { previous: ids[index - 1] ?? null, next: ids[index + 1] ?? null, index };
}
