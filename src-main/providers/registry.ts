/**
 * All provider adapters by id. Adding a provider: one folder exporting an adapter, one line here
 * (and its id in src-shared/domain/provider.ts, its catalogue entries in src-shared/providers).
 */
import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { ProviderAdapter } from './types.js';
import { calypsoAdapter } from './calypso/index.js';
import { instapAdapter } from './instap/index.js';
import { instaxchangeAdapter } from './instaxchange/index.js';
import { openxswitchAdapter } from './openxswitch/index.js';
import { paychantAdapter } from './paychant/index.js';

export const providerAdapters: Record<ProviderId, ProviderAdapter> = {
  instaxchange: instaxchangeAdapter,
  instap: instapAdapter,
  openxswitch: openxswitchAdapter,
  calypso: calypsoAdapter,
  paychant: paychantAdapter,
};

export function getAdapter(id: ProviderId): ProviderAdapter {
  return providerAdapters[id];
}
