import type { GatewatchDeps } from './gatewatch.js';
import { providerAdapters } from '../providers/registry.js';

export interface DefaultDepsOptions {
  dataDir: string;
  log?: (message: string) => void;
}

/** The production wiring shared by serve mode and the desktop app. */
export function createGatewatchDeps(options: DefaultDepsOptions): GatewatchDeps {
  return {
    log: options.log,
    adapterFor: (provider) => (provider === 'unknown' ? undefined : providerAdapters[provider]),
  };
}
