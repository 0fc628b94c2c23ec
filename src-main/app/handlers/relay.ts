import type { relayContract } from '../../../src-shared/contract/relay.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function relayHandlers(ctx: AppContext): FeatureHandlers<typeof relayContract> {
  const { routes, retries } = ctx.relay;
  return {
    'relay.routes.list': async () => ({ routes: await routes.list() }),
    'relay.routes.save': (input) => routes.save(input),
    'relay.routes.delete': (input) => routes.remove(input.id),
    'relay.attempts': (input) => ctx.relay.attempts(input.deliveryId),
    'relay.retry': (input) => retries.retry(input),
    'relay.pause': (input) => routes.setPaused(input.routeId, true),
    'relay.resume': (input) => routes.setPaused(input.routeId, false),
  };
}
