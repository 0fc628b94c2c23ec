import { callNames, ipcChannelFor, ipcPushChannel } from '../../src-shared/contract/index.js';
import type { CallResult, GatewatchBridge } from '../../src-shared/contract/bridge.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import type { ElectronPreloadApi } from './electron-api.js';

// A sandboxed preload may require only 'electron' (and a few Node shims): no other module.
const { contextBridge, ipcRenderer } = require('electron') as ElectronPreloadApi;

/** One named function per contract call; the renderer cannot name a channel of its own. */
const calls = Object.fromEntries(
  callNames.map((name) => {
    const channel = ipcChannelFor(name);
    return [name, (input: unknown) => ipcRenderer.invoke(channel, input) as Promise<CallResult>];
  }),
) as GatewatchBridge['calls'];

const bridge: GatewatchBridge = {
  calls,
  onPush(listener) {
    const handler = (_event: unknown, payload: unknown) => listener(payload as PushEvent);
    ipcRenderer.on(ipcPushChannel, handler);
    return () => ipcRenderer.removeListener(ipcPushChannel, handler);
  },
};

contextBridge.exposeInMainWorld('gatewatch', bridge);
