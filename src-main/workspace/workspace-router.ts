import { ApiError } from '../../src-shared/contract/errors.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import type { Dispatcher } from '../dispatcher/dispatcher.js';
import type { PushBus } from '../events/bus.js';
import { followRemoteEvents } from '../remote/remote-events.js';
import type { WorkspaceService } from './workspace-service.js';

/**
 * The desktop window's dispatcher: the same contract, answered by this computer's Gatewatch or
 * forwarded to the team server the workspace names. Choosing the workspace is always answered
 * here. The window cannot tell the difference but for what the answers say.
 */
export function workspaceDispatcher(local: Dispatcher, workspace: WorkspaceService): Dispatcher {
  return {
    async call(name, input, transport, caller) {
      if (name.startsWith('workspace.')) return local.call(name, input, transport, caller);
      const target = workspace.target();
      if (target.kind === 'local') return local.call(name, input, transport, caller);
      if (target.kind === 'refused') throw new ApiError('unauthorized', target.message);
      return target.dispatcher.call(name, input);
    },
  };
}

/**
 * Pushes for the window from where its calls go: this computer's bus, or the team server's
 * event stream. A change of workspace is pushed as `listener.changed`, so everything shown is
 * fetched again from the new place.
 */
export function workspacePushes(localBus: PushBus, workspace: WorkspaceService) {
  return {
    subscribe(listener: (event: PushEvent) => void): () => void {
      let stopRemote: (() => void) | null = null;
      const follow = () => {
        stopRemote?.();
        stopRemote = null;
        const target = workspace.target();
        if (target.kind === 'remote') stopRemote = followRemoteEvents(target.server, listener, workspace.signInRefused);
      };
      const offLocal = localBus.subscribe((event) => {
        if (workspace.target().kind === 'local') listener(event);
      });
      const offChange = workspace.onChange(() => {
        follow();
        listener({ type: 'listener.changed' });
      });
      follow();
      return () => {
        offLocal();
        offChange();
        stopRemote?.();
      };
    },
  };
}
