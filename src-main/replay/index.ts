import type { AppContext } from '../app/context.js';
import { ReplayTargets } from './targets.js';
import { ReplayService } from './replay-service.js';
import { BulkReplayJobs } from './bulk.js';

export interface ReplayFeature {
  targets: ReplayTargets;
  service: ReplayService;
  jobs: BulkReplayJobs;
}

/** The replay services built from the app context (one set per running console). */
export function createReplayFeature(ctx: AppContext, options: { responseCapBytes?: number } = {}): ReplayFeature {
  const targets = new ReplayTargets(ctx.store.replay, ctx.vault, ctx.audit);
  const service = new ReplayService({
    deliveries: ctx.store.deliveries,
    replays: ctx.store.replay,
    targets,
    audit: ctx.audit,
    adapterFor: ctx.adapterFor,
    webhookSecrets: (provider) => ctx.providerConfig.webhookSecrets(provider),
    responseCapBytes: options.responseCapBytes,
  });
  const jobs = new BulkReplayJobs({ service, targets, deliveries: ctx.store.deliveries, bus: ctx.bus, audit: ctx.audit, log: ctx.log });
  return { targets, service, jobs };
}
