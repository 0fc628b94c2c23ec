import type { timelineContract } from '../../../src-shared/contract/timeline.js';
import type { dashboardNowContract } from '../../../src-shared/contract/dashboard-now.js';
import { buildTimeline } from '../../timeline/timeline-service.js';
import { dashboardFor } from '../../timeline/dashboard.js';
import { rightNow } from '../../dashboard/right-now.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function timelineHandlers(ctx: AppContext): FeatureHandlers<typeof timelineContract & typeof dashboardNowContract> {
  return {
    // Sources are read per call: features register theirs after the handlers are built.
    'timeline.get': (input) => buildTimeline({ store: ctx.store.timeline, sources: ctx.timelineSources }, input.key),
    'dashboard.get': (input) => dashboardFor(ctx.store.stats, input.range),
    // Relay's failed attempts join here (relayFailures) once relay exists.
    'dashboard.now': () => rightNow({ deliveries: ctx.store.deliveries, stats: ctx.store.stats, replays: ctx.store.replay }),
  };
}
