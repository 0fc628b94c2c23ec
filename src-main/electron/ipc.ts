import { callNames, ipcChannelFor, ipcPushChannel } from '../../src-shared/contract/index.js';
import type { CallResult } from '../../src-shared/contract/bridge.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { Dispatcher } from '../dispatcher/dispatcher.js';
import type { BrowserWindowLike, IpcMainInvokeEventLike, IpcMainLike } from './electron-api.js';

/**
 * Registers every contract call on its own channel through one wrapper: it checks that the
 * sender frame is the console's own page, lets the dispatcher validate the input, and turns
 * every failure into a typed {code, message} (Electron would otherwise flatten it to a string).
 */
export function registerContractHandlers(ipcMain: IpcMainLike, dispatcher: Dispatcher, isTrustedSender: (frameUrl: string) => boolean): () => void {
  for (const name of callNames) {
    ipcMain.handle(ipcChannelFor(name), async (event: IpcMainInvokeEventLike, input: unknown): Promise<CallResult> => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedSender(frameUrl)) {
        return { ok: false, error: new ApiError('forbidden', 'This frame may not call the console API.').toBody() };
      }
      try {
        return { ok: true, value: await dispatcher.call(name, input, 'ipc') };
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError('internal', `${name} failed unexpectedly.`);
        return { ok: false, error: apiError.toBody() };
      }
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(ipcChannelFor(name));
  };
}

/**
 * Sends pushes to the window, holding them until its page has loaded so that no delivery
 * event is lost while the renderer starts.
 */
export class PushForwarder {
  private ready = false;
  private queued: PushEvent[] = [];

  constructor(private readonly window: BrowserWindowLike) {
    window.webContents.on('did-finish-load', () => {
      this.ready = true;
      for (const event of this.queued.splice(0)) this.deliver(event);
    });
  }

  send(event: PushEvent): void {
    if (!this.ready) {
      this.queued.push(event);
      return;
    }
    this.deliver(event);
  }

  private deliver(event: PushEvent): void {
    if (!this.window.webContents.isDestroyed()) this.window.webContents.send(ipcPushChannel, event);
  }
}
