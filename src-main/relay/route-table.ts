import type { DeliveryProvider } from '../../src-shared/domain/provider.js';
import type { RelayRouteRecord, RelayStore } from '../store/relay-types.js';

/** `paychant` or `paychant/eu`: the part of the listener path after /webhooks/. */
export const pathKey = (provider: string, label: string | null): string => (label === null ? provider : `${provider}/${label}`);
export const routePath = (route: Pick<RelayRouteRecord, 'provider' | 'label'>): string => `/webhooks/${pathKey(route.provider, route.label)}`;

/**
 * The routes in memory, so the listener's hot path pays one Map lookup per request (never a
 * store read). Reloaded from the store whenever a route changes.
 */
export class RelayRouteTable {
  private byPath = new Map<string, RelayRouteRecord>();
  private byId = new Map<string, RelayRouteRecord>();

  constructor(private readonly store: RelayStore) {}

  async refresh(): Promise<void> {
    const routes = await this.store.listRoutes();
    this.byPath = new Map(routes.map((r) => [pathKey(r.provider, r.label), r]));
    this.byId = new Map(routes.map((r) => [r.id, r]));
  }

  forPath(provider: DeliveryProvider, label: string | null): RelayRouteRecord | undefined {
    // An empty table (relay unused) costs nothing more than this size check.
    return this.byPath.size === 0 ? undefined : this.byPath.get(pathKey(provider, label));
  }

  get(id: string): RelayRouteRecord | undefined {
    return this.byId.get(id);
  }

  all(): RelayRouteRecord[] {
    return [...this.byId.values()];
  }
}
