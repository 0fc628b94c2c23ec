import { existsSync } from 'node:fs';
import type { GatewatchDeps } from './gatewatch.js';
import { providerAdapters } from '../providers/registry.js';

export interface DefaultDepsOptions {
  dataDir: string;
  log?: (message: string) => void;
  /** Where the built thread scripts are: next to the entry that starts the app (see electron.vite.config.ts). */
  builtDir?: URL;
}

/** The built thread scripts, next to the entry (the main build's inputs of the same names; the desktop package keeps them in its asar). */
export const THREAD_SCRIPTS = { derive: 'derive-thread.js', checkpoint: 'checkpoint-thread.js' } as const;

/** The production wiring shared by serve mode and the desktop app. */
export function createGatewatchDeps(options: DefaultDepsOptions): GatewatchDeps {
  const deriveThread = builtScript(options.builtDir, THREAD_SCRIPTS.derive);
  const checkpointThread = builtScript(options.builtDir, THREAD_SCRIPTS.checkpoint);
  return {
    log: options.log,
    adapterFor: (provider) => (provider === 'unknown' ? undefined : providerAdapters[provider]),
    derivationThread: deriveThread && { script: deriveThread },
    checkpointThread: checkpointThread && { script: checkpointThread },
  };
}

/** A thread script of the build, if there is one (running from sources, work stays in the main thread). */
function builtScript(dir: URL | undefined, name: string): URL | undefined {
  const script = dir && new URL(name, dir);
  return script && existsSync(script) ? script : undefined;
}
