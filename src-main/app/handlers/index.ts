import type { CallHandlers } from '../../dispatcher/dispatcher.js';
import type { AppContext } from '../context.js';
import { deliveryHandlers } from './deliveries.js';
import { listenerHandlers } from './listener.js';
import { providerHandlers } from './providers.js';
import { auditHandlers } from './audit.js';
import { timelineHandlers } from './timeline.js';
import { sessionHandlers } from './sessions.js';
import { replayHandlers } from './replay.js';
import { retentionHandlers } from './retention.js';
import { interopHandlers } from './interop.js';
import { relayHandlers } from './relay.js';
import { alertHandlers } from './alerts.js';
import { viewHandlers } from './views.js';
import { peopleHandlers } from './people.js';
import { workspaceHandlers } from './workspace.js';

/** Every contract call mapped to its feature's service; the type checker insists none is missing. */
export function createHandlers(ctx: AppContext): CallHandlers {
  return {
    ...deliveryHandlers(ctx),
    ...listenerHandlers(ctx),
    ...providerHandlers(ctx),
    ...auditHandlers(ctx),
    ...timelineHandlers(ctx),
    ...sessionHandlers(ctx),
    ...replayHandlers(ctx),
    ...retentionHandlers(ctx),
    ...interopHandlers(ctx),
    ...relayHandlers(ctx),
    ...alertHandlers(ctx),
    ...viewHandlers(ctx),
    ...peopleHandlers(ctx),
    ...workspaceHandlers(ctx),
  };
}
