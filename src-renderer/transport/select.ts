import type { GatewatchBridge } from '../../src-shared/contract/bridge.js';
import { createHttpTransport } from './http.js';
import { createIpcTransport } from './ipc.js';
import type { ConsoleTransport } from './types.js';

declare global {
  interface Window {
    gatewatch?: GatewatchBridge;
  }
}

const TOKEN_KEY = 'gatewatch.token';

/**
 * Picks the transport once at start-up: the desktop preload's bridge when present, otherwise
 * serve mode's HTTP API. In a browser the token arrives as ?token=…; it is kept for this tab
 * and removed from the address bar (and so from history and screenshots).
 */
export function selectTransport(win: Window = window): ConsoleTransport | { error: string } {
  if (win.gatewatch) return createIpcTransport(win.gatewatch);
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
  }
  const token = fromUrl ?? win.sessionStorage.getItem(TOKEN_KEY);
  if (!token) return { error: 'No access token: open the console URL that `npm run serve` printed (it ends in ?token=…).' };
  return createHttpTransport(token);
}
