import { useSyncExternalStore } from 'react';

/**
 * Hash routes (they work from a file:// page in the desktop app and from serve mode alike):
 *   #/inbox?provider=…&q=…    #/deliveries/<id>    #/settings
 * The filter state lives in the route, so a view can be shared and restored.
 */
export type Route =
  | { page: 'inbox'; params: URLSearchParams }
  | { page: 'delivery'; id: string }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'deliveries' && parts[1]) return { page: 'delivery', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'settings') return { page: 'settings' };
  return { page: 'inbox', params: new URLSearchParams(query) };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'delivery':
      return `#/deliveries/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '#/settings';
    case 'inbox': {
      const query = route.params.toString();
      return query ? `#/inbox?${query}` : '#/inbox';
    }
  }
}

export function navigate(route: Route, replace = false): void {
  const href = hrefFor(route);
  if (replace) window.history.replaceState(window.history.state, '', href);
  else window.location.hash = href.slice(1);
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
