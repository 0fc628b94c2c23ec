import type { ApiErrorBody } from './errors.js';
import type { CallName } from './index.js';
import type { PushEvent } from './events.js';

/** What an IPC call resolves to: errors travel as data, so their code survives the bridge. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

/**
 * The desktop preload's bridge, `window.gatewatch`: one named function per contract call and a
 * push subscription. No generic channel pipe: the renderer can reach exactly these.
 */
export interface GatewatchBridge {
  calls: Record<CallName, (input: unknown) => Promise<CallResult>>;
  onPush(listener: (event: PushEvent) => void): () => void;
}
