import { useSyncExternalStore } from 'react';

/**
 * Hash routes (they work from a file:// page in the desktop app and from serve mode alike).
 * Filter state lives in the route, so a view can be shared and restored.
 */
export type Route =
  | { page: 'inbox'; params: URLSearchParams }
  /** `params`: the inbox view it was opened from (filters, selection), for "← Inbox" and next/previous. */
  | { page: 'delivery'; id: string; params?: URLSearchParams }
  /** `params`: the inbox view it was opened from (its search, filters), for "← Inbox". */
  | { page: 'timeline'; key: string; params?: URLSearchParams }
  /** Open a payment's timeline from any of its ids; `q`: the id typed so far (kept for going back to it). */
  | { page: 'payments'; q: string }
  | { page: 'dashboard' }
  | { page: 'sessions'; params: URLSearchParams }
  | { page: 'session'; id: string }
  | { page: 'replay'; params: URLSearchParams }
  | { page: 'audit' }
  | { page: 'settings' }
  | { page: 'import' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const [first, second] = path.split('/').filter(Boolean);
  const id = second ? decodeURIComponent(second) : null;
  switch (first) {
    case 'deliveries':
      return id ? { page: 'delivery', id, params } : { page: 'inbox', params };
    case 'timeline':
      return id ? { page: 'timeline', key: id, params } : { page: 'payments', q: '' };
    case 'payments':
      return { page: 'payments', q: params.get('q') ?? '' };
    case 'dashboard':
      return { page: 'dashboard' };
    case 'sessions':
      return id ? { page: 'session', id } : { page: 'sessions', params };
    case 'replay':
      return { page: 'replay', params };
    case 'audit':
      return { page: 'audit' };
    case 'settings':
      return { page: 'settings' };
    case 'import':
      return { page: 'import' };
    default:
      return { page: 'inbox', params };
  }
}

const withQuery = (path: string, params: URLSearchParams) => {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'delivery':
      return withQuery(`#/deliveries/${encodeURIComponent(route.id)}`, route.params ?? new URLSearchParams());
    case 'timeline':
      return withQuery(`#/timeline/${encodeURIComponent(route.key)}`, route.params ?? new URLSearchParams());
    case 'session':
      return `#/sessions/${encodeURIComponent(route.id)}`;
    case 'inbox':
      return withQuery('#/inbox', route.params);
    case 'sessions':
      return withQuery('#/sessions', route.params);
    case 'replay':
      return withQuery('#/replay', route.params);
    case 'payments':
      return withQuery('#/payments', new URLSearchParams(route.q ? { q: route.q } : {}));
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route, replace = false): void {
  const href = hrefFor(route);
  if (replace) {
    window.history.replaceState(window.history.state, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href.slice(1);
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
