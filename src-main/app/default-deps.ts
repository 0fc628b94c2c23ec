import type { GatewatchDeps } from './gatewatch.js';

export interface DefaultDepsOptions {
  dataDir: string;
  log?: (message: string) => void;
}

/**
 * The production wiring shared by serve mode and the desktop app: provider adapters and the
 * secrets vault. (Each piece joins here as it is built.)
 */
export function createGatewatchDeps(options: DefaultDepsOptions): GatewatchDeps {
  return { log: options.log };
}
