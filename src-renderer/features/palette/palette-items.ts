/**
 * What the command palette offers, as data: the pages, the saved views, and the actions that fit
 * the page on screen (the delivery shown or selected: verify again, replay; an inbox view: replay
 * what matches; any page: copy its link, list the shortcuts). The component only runs them.
 */
import type { SavedView } from '../../../src-shared/contract/views.js';
import { hrefFor, type Route } from '../../app/router.js';
import { NAV } from '../../app/nav.js';
import { replayParamsFor } from '../replay/bulk-form.js';
import { selectedIn } from '../inbox/inbox-view.js';
import { viewHref, describeFilter } from '../views/saved-views.js';
import { rank } from './palette-match.js';

export type PaletteAction =
  | { kind: 'navigate'; href: string }
  | { kind: 'copy-link' }
  | { kind: 'verify'; deliveryId: string }
  | { kind: 'replay'; deliveryId: string }
  | { kind: 'shortcuts' }
  | { kind: 'search'; q: string };

export type PaletteSection = 'Page' | 'Saved view' | 'Action';

export interface PaletteItem {
  id: string;
  label: string;
  section: PaletteSection;
  /** A second, quieter line (a view's filter); matched too. */
  detail?: string;
  action: PaletteAction;
}

export interface PaletteContext {
  route: Route;
  views: readonly SavedView[];
  /** Links open elsewhere only in serve mode (the desktop window's address opens nowhere else). */
  canCopyLink: boolean;
  /** Whether this person's role may replay (Replay… is not offered otherwise). */
  canReplay?: boolean;
}

/** The delivery the actions apply to: the one on its own page, or the one selected in the inbox. */
export function deliveryInView(route: Route): string | null {
  if (route.page === 'delivery') return route.id;
  if (route.page === 'inbox') return selectedIn(route.params);
  return null;
}

export function paletteItems({ route, views, canCopyLink, canReplay = true }: PaletteContext): PaletteItem[] {
  const items: PaletteItem[] = NAV.map((item) => ({
    id: `go:${item.page}`,
    label: item.label,
    section: 'Page',
    action: { kind: 'navigate', href: item.href },
  }));
  for (const view of views) {
    items.push({
      id: `view:${view.id}`,
      label: view.name,
      section: 'Saved view',
      detail: describeFilter(view.filter),
      action: { kind: 'navigate', href: viewHref(view) },
    });
  }
  const delivery = deliveryInView(route);
  if (delivery !== null) {
    items.push({
      id: 'verify',
      label: 'Verify again',
      section: 'Action',
      detail: 'Check this delivery’s signature with the secrets set now',
      action: { kind: 'verify', deliveryId: delivery },
    });
    if (canReplay) {
      items.push({
        id: 'replay',
        label: 'Replay…',
        section: 'Action',
        detail: 'Edit and send this delivery to a replay target',
        action: { kind: 'replay', deliveryId: delivery },
      });
    }
  } else if (route.page === 'inbox') {
    const filters = replayParamsFor(route.params);
    if (filters.size > 0 && canReplay) {
      items.push({
        id: 'replay-matching',
        label: 'Replay…',
        section: 'Action',
        detail: 'Replay the deliveries this view matches (counted and confirmed first)',
        action: { kind: 'navigate', href: hrefFor({ page: 'replay', params: filters }) },
      });
    }
  }
  if (canCopyLink)
    items.push({
      id: 'copy-link',
      label: 'Copy link',
      section: 'Action',
      detail: 'The address of this page, to open in another tab or send',
      action: { kind: 'copy-link' },
    });
  items.push({ id: 'shortcuts', label: 'Keyboard shortcuts', section: 'Action', detail: 'List every shortcut (?)', action: { kind: 'shortcuts' } });
  return items;
}

/** Typed text that matches nothing still does something: search the inbox for it. */
export function searchItem(query: string): PaletteItem | null {
  const q = query.trim();
  return q === '' ? null : { id: 'search', label: `Search deliveries for “${q}”`, section: 'Action', action: { kind: 'search', q } };
}

/** Text that looks like an id: one word of 6 characters or more with a digit in it ("order-7781", "0x9f…", "7CMJS1Q9…"). */
export function looksLikeId(text: string): boolean {
  const word = text.trim();
  return word.length >= 6 && !/\s/.test(word) && /\d/.test(word);
}

/** Typed text that looks like an id may be a payment's key: open its timeline (which suggests keys when it is not one). */
export function timelineItem(query: string): PaletteItem | null {
  const key = query.trim();
  if (!looksLikeId(key)) return null;
  return {
    id: 'timeline',
    label: `Open payment timeline for “${key}”`,
    section: 'Action',
    detail: 'Every webhook, session and replay of the payment with this id',
    action: { kind: 'navigate', href: hrefFor({ page: 'timeline', key }) },
  };
}

/**
 * The options for what is typed: everything that matches, best first (typed, what can be done
 * here wins a tie: "replay" on a delivery gives its Replay…, then the page), then searching the
 * inbox for the text and, for an id, opening its timeline.
 */
export function paletteOptions(query: string, all: readonly PaletteItem[]): PaletteItem[] {
  const ordered = query.trim() === '' ? all : [...all.filter((i) => i.section === 'Action'), ...all.filter((i) => i.section !== 'Action')];
  const search = searchItem(query);
  const timeline = timelineItem(query);
  return [
    ...rank(
      query,
      ordered,
      (item) => item.label,
      (item) => item.detail,
    ),
    ...(search ? [search] : []),
    ...(timeline ? [timeline] : []),
  ];
}
