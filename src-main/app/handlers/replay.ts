import type { replayContract } from '../../../src-shared/contract/replay.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';
import { createReplayFeature } from '../../replay/index.js';

export function replayHandlers(ctx: AppContext): FeatureHandlers<typeof replayContract> {
  const { targets, service, jobs } = createReplayFeature(ctx);
  return {
    'replay.targets.list': async () => ({ targets: await targets.list() }),
    'replay.targets.save': (input, call) => targets.save(input, { fromDesktop: call.fromDesktop }),
    'replay.targets.remove': async (input) => ({ removed: await targets.remove(input.id) }),
    'replay.preview': (input) => service.preview(input.deliveryId, input.body),
    'replay.send': (input) => service.send(input),
    'replay.attempts': async (input) => ({ items: await service.attempts(input) }),
    'replay.bulk.count': (input) => jobs.count(input.filter),
    'replay.bulk.start': (input) => jobs.start(input),
    'replay.bulk.get': async (input) => jobs.get(input.id),
    'replay.bulk.list': async () => ({ jobs: jobs.list() }),
    'replay.bulk.cancel': (input) => jobs.cancel(input.id),
    'replay.bulk.resume': async (input) => jobs.resume(input.id),
    'replay.bulk.retryFailed': (input) => jobs.retryFailed(input),
  };
}
