import type { GatewatchBridge } from '../../src-shared/contract/bridge.js';
import { ConsoleError, type ConsoleTransport } from './types.js';

export function createIpcTransport(bridge: GatewatchBridge): ConsoleTransport {
  return {
    kind: 'ipc',
    async call(name, input) {
      const result = await bridge.calls[name](input);
      if (!result.ok) throw new ConsoleError(result.error);
      return result.value as never;
    },
    subscribe: (listener) => bridge.onPush(listener),
  };
}
