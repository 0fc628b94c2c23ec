/**
 * The relay feature, built once per running console: the route table the listener reads, the
 * passthrough and simulate answers, the queue worker, and the console's views of it.
 */
import type { RelayRouteView, RelayJobView, RelayAttempt } from '../../src-shared/contract/relay.js';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { PushBus } from '../events/bus.js';
import type { AuditLog } from '../services/audit.js';
import type { TimelineSource } from '../services/timeline-source.js';
import type { DeliveryStore } from '../store/types.js';
import type { RelayJobRecord, RelayStore } from '../store/relay-types.js';
import { RelayRouteTable } from './route-table.js';
import { SimulateCounters } from './simulate.js';
import { RelaySender } from './sender.js';
import { RelayRecorder } from './recorder.js';
import { RelayIngress } from './ingress.js';
import { RelayQueueWorker } from './queue-worker.js';
import { RelayRoutes } from './routes-service.js';
import { RelayRetries } from './retry-service.js';
import { ProviderRetries } from './provider-retries.js';
import { createRelayTimelineSource } from './timeline-source.js';
import type { ForwardSpec } from './forward-flag.js';

export interface RelayDeps {
  store: RelayStore;
  deliveries: DeliveryStore;
  audit: AuditLog;
  bus: PushBus;
  webhookSecrets(provider: ProviderId): Promise<ReadonlyArray<{ value: string }>>;
  listenerPort(): number | null;
  log(message: string): void;
  /** Called once a route is saved, deleted, paused or resumed here (the other instances of a shared store read them again). */
  onRoutesSaved?(): void;
}

export interface RelayFeature {
  ingress: RelayIngress;
  routes: RelayRoutes;
  retries: RelayRetries;
  providerRetries: ProviderRetries;
  worker: RelayQueueWorker;
  timelineSource: TimelineSource;
  recorder: RelayRecorder;
  attempts(deliveryId: string): Promise<{ job: RelayJobView | null; route: RelayRouteView | null; attempts: RelayAttempt[] }>;
  /** Reads the routes from the store again (another instance changed them); says nothing to the others. */
  reloadRoutes(): Promise<void>;
  /** Loads the routes (before the listener takes traffic) and starts the queue. */
  start(forwards?: readonly ForwardSpec[]): Promise<void>;
  stop(): Promise<void>;
}

const INTERRUPTED =
  'Gatewatch stopped while the backend was being asked: the provider got no answer from Gatewatch (or the outcome was not recorded) and will retry by its own schedule.';

export function createRelayFeature(deps: RelayDeps): RelayFeature {
  const table = new RelayRouteTable(deps.store);
  const simulate = new SimulateCounters();
  const changed = (deliveryIds: string[]) => deps.bus.publish({ type: 'relay.changed', deliveryIds });
  const recorder = new RelayRecorder(deps.store, changed);
  const sender = new RelaySender({ webhookSecrets: deps.webhookSecrets });
  const worker = new RelayQueueWorker({ store: deps.store, deliveries: deps.deliveries, routes: table, sender, recorder, log: deps.log });
  const ingress = new RelayIngress({ routes: table, simulate, sender, recorder, onQueued: () => worker.schedule(), log: deps.log });
  const routes = new RelayRoutes({
    store: deps.store,
    table,
    simulate,
    audit: deps.audit,
    listenerPort: deps.listenerPort,
    onChange: () => {
      worker.schedule();
      changed([]);
      deps.onRoutesSaved?.();
    },
  });
  const retries = new RelayRetries(deps.store, deps.audit, (ids) => {
    worker.schedule();
    changed(ids);
  });
  return {
    ingress,
    routes,
    retries,
    providerRetries: new ProviderRetries(deps.deliveries, deps.store),
    worker,
    recorder,
    timelineSource: createRelayTimelineSource(deps.store),
    async reloadRoutes() {
      await table.refresh();
      await simulate.load(table.all(), deps.store);
      // A route resumed or added elsewhere may have jobs waiting here; one paused is left out of the next look.
      worker.schedule();
    },
    async attempts(deliveryId) {
      const [job] = await deps.store.jobsForDeliveries([deliveryId]);
      if (!job) return { job: null, route: null, attempts: [] };
      const route = await deps.store.getRoute(job.routeId);
      return { job: jobView(job), route: route ? await routes.view(route) : null, attempts: await deps.store.attemptsForDeliveries([deliveryId]) };
    },
    async start(forwards = []) {
      const interrupted = await deps.store.failInterrupted(INTERRUPTED, new Date().toISOString());
      if (interrupted > 0)
        deps.log(`relay: ${interrupted} passthrough deliveries were waiting for the backend when Gatewatch stopped; marked failed (the providers retry them)`);
      await table.refresh();
      await simulate.load(table.all(), deps.store);
      for (const forward of forwards) {
        const existing = table.all().find((r) => r.provider === forward.provider && r.label === forward.label);
        const path = `${forward.provider}${forward.label ? `/${forward.label}` : ''}`;
        const route = await routes
          .save(
            { id: existing?.id, provider: forward.provider, label: forward.label, url: forward.url, mode: 'passthrough', confirm: false },
            'the command line (--forward)',
          )
          .catch((error: Error) => {
            throw new Error(`--forward ${path}=${forward.url}: ${error.message} (a route that needs confirming is set up under Settings → Relay)`);
          });
        deps.log(`relay: ${route.path} → ${forward.url} (passthrough)`);
      }
      await worker.start();
    },
    async stop() {
      await ingress.idle();
      await worker.stop();
      await recorder.idle();
      sender.close();
    },
  };
}

function jobView(job: RelayJobRecord): RelayJobView {
  return {
    id: job.id,
    deliveryId: job.deliveryId,
    routeId: job.routeId,
    mode: job.mode,
    state: job.state,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    runAt: job.state === 'pending' ? job.runAt : null,
    lastError: job.lastError,
    locked: job.lockedAt !== null,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    answeredStatus: job.answeredStatus,
    answeredAt: job.answeredAt,
  };
}
