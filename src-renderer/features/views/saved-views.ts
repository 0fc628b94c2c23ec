/**
 * Saved views on the renderer's side, pure: a view's filter as the inbox's route, which view the
 * inbox shows now, a filter in words, a name suggested from the filter and checked before saving.
 */
import type { SavedView, SavedViewFilter } from '../../../src-shared/contract/views.js';
import { isProviderId } from '../../../src-shared/domain/provider.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { hrefFor } from '../../app/router.js';
import { filtersFromParams, paramsFromFilters } from '../inbox/useDeliveries.js';
import { RELAY_STATE_LABEL } from '../relay/relay-words.js';

/** The inbox filter in the route (selection and the retries toggle are not part of a view). */
export function viewFilterOf(params: URLSearchParams): SavedViewFilter {
  return filtersFromParams(params);
}

/** The inbox route that shows a view: a link that works in any tab, for anyone signed in. */
export function viewHref(view: Pick<SavedView, 'filter'>): string {
  return hrefFor({ page: 'inbox', params: paramsFromFilters(view.filter) });
}

const keyOf = (filter: SavedViewFilter) => {
  const params = paramsFromFilters(filter);
  params.sort();
  return params.toString();
};

/** The saved view whose filter is the one shown, if any. */
export function activeViewId(views: readonly SavedView[], params: URLSearchParams): string | null {
  const shown = keyOf(viewFilterOf(params));
  return views.find((view) => keyOf(view.filter) === shown)?.id ?? null;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

const VERIFICATION_WORDS: Record<string, string> = {
  valid: 'signature valid',
  invalid: 'signature invalid',
  unsigned: 'unsigned',
  'no-secret': 'no secret set',
  unsupported: 'not checkable',
  pending: 'not checked yet',
};

/** The filter in a few words: "Paychant · signature invalid · “FRG7CMJS”". */
export function describeFilter(filter: SavedViewFilter): string {
  const parts: string[] = [];
  if (filter.provider) parts.push(isProviderId(filter.provider) ? providerCatalogue[filter.provider].displayName : filter.provider);
  if (filter.eventType) parts.push(filter.eventType);
  if (filter.status) parts.push(filter.status);
  if (filter.verification) parts.push(VERIFICATION_WORDS[filter.verification] ?? filter.verification);
  if (filter.environment) parts.push(filter.environment);
  if (filter.relay) parts.push(RELAY_STATE_LABEL[filter.relay]);
  if (filter.q) parts.push(`“${filter.q}”`);
  if (filter.since) parts.push(`from ${when(filter.since)}`);
  if (filter.until) parts.push(`to ${when(filter.until)}`);
  return parts.length > 0 ? parts.join(' · ') : 'every delivery';
}

/** Whether the inbox shows any filter (a view of everything is the inbox itself). */
export const hasFilter = (filter: SavedViewFilter): boolean => paramsFromFilters(filter).size > 0;

/** A first name for a view: its filter in words, cut to fit. */
export function suggestedName(filter: SavedViewFilter): string {
  const words = describeFilter(filter);
  return words.length <= 60 ? words : `${words.slice(0, 59)}…`;
}

/** What is wrong with a name before it is sent (the console checks again); null when it will do. */
export function nameProblem(name: string, views: readonly SavedView[]): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'A view needs a name.';
  if (trimmed.length > 80) return 'A view’s name has at most 80 characters.';
  const taken = views.find((view) => view.name.toLowerCase() === trimmed.toLowerCase());
  return taken ? `A view named “${taken.name}” exists already: choose another name.` : null;
}
