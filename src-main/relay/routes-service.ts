/**
 * Relay routes: saved, checked (the replay targets' URL rules), audited, and put into the
 * listener's in-memory table at once. A path without a route behaves as it always did.
 */
import type { z } from 'zod';
import type { RelayRouteSaveInput, RelayRouteView } from '../../src-shared/contract/relay.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import { providerCatalogue } from '../../src-shared/providers/catalogue.js';
import { providerRetrySchedules, retryOffsetsS } from '../../src-shared/relay/retry-schedules.js';
import { scheduleDelaysS, scheduleWords } from '../../src-shared/relay/backoff.js';
import type { RelayRouteRecord, RelayStore } from '../store/relay-types.js';
import type { AuditLog } from '../services/audit.js';
import { newId } from '../store/ids.js';
import { productionLikeReason } from '../replay/production-hosts.js';
import { routePath, type RelayRouteTable } from './route-table.js';
import type { SimulateCounters } from './simulate.js';
import { routeStats, STATS_WINDOW_MS } from './route-stats.js';

export const DEFAULT_RELAY_TIMEOUT_MS = 10_000;
export const DEFAULT_RELAY_CONCURRENCY = 8;

export type RouteSave = z.output<typeof RelayRouteSaveInput>;

export interface RelayRoutesDeps {
  store: RelayStore;
  table: RelayRouteTable;
  simulate: SimulateCounters;
  audit: AuditLog;
  /** The listener's port, to refuse a route that would send deliveries back to it. */
  listenerPort(): number | null;
  /** Routes changed: the queue worker looks again, the console refreshes. */
  onChange(): void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0']);

export class RelayRoutes {
  constructor(private readonly deps: RelayRoutesDeps) {}

  async list(): Promise<RelayRouteView[]> {
    return Promise.all(
      this.deps.table
        .all()
        .sort((a, b) => routePath(a).localeCompare(routePath(b)))
        .map((r) => this.view(r)),
    );
  }

  async require(id: string): Promise<RelayRouteRecord> {
    const route = await this.deps.store.getRoute(id);
    if (!route) throw new ApiError('not_found', `There is no relay route with id ${id}.`);
    return route;
  }

  async save(input: RouteSave, origin = 'the console'): Promise<RelayRouteView> {
    const existing = input.id === undefined ? null : await this.require(input.id);
    const label = input.label ?? null;
    const clash = (await this.deps.store.listRoutes()).find((r) => r.provider === input.provider && r.label === label && r.id !== existing?.id);
    if (clash) throw new ApiError('conflict', `A route for ${routePath(clash)} already exists: edit that one instead.`);
    const url = input.url ?? null;
    if (url !== null) this.checkDestination(url, input.confirm);
    const schedule = input.schedule ?? existing?.schedule ?? { kind: 'default' };
    if (scheduleDelaysS(schedule, input.provider) === null) {
      throw new ApiError(
        'bad_request',
        `${providerCatalogue[input.provider].displayName} documents no retry schedule to copy: choose the default schedule or your own delays.`,
        [{ path: 'schedule', message: 'no provider schedule is documented' }],
      );
    }
    const now = new Date().toISOString();
    const simulateSettings =
      input.mode === 'simulate' ? (input.simulate ?? existing?.simulate ?? { status: 500, body: '', delayMs: 0, failNext: null, noAnswer: false }) : null;
    const { since: _since, ...before } = existing?.simulate ?? { since: '' };
    const sameSimulate = simulateSettings !== null && existing?.simulate && JSON.stringify(before) === JSON.stringify(stripSince(simulateSettings));
    const route: RelayRouteRecord = {
      id: existing?.id ?? newId('rlr'),
      provider: input.provider,
      label,
      url,
      mode: input.mode,
      timeoutMs: input.timeoutMs ?? existing?.timeoutMs ?? DEFAULT_RELAY_TIMEOUT_MS,
      concurrency: input.concurrency ?? existing?.concurrency ?? DEFAULT_RELAY_CONCURRENCY,
      schedule,
      // "The next N" counts from the moment these settings were saved.
      simulate: simulateSettings === null ? null : { ...stripSince(simulateSettings), since: sameSimulate ? existing!.simulate!.since : now },
      pausedAt: existing?.pausedAt ?? null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.deps.store.putRoute(route);
    const changed = existing
      ? (['provider', 'label', 'url', 'mode', 'timeoutMs', 'concurrency'] as const).filter((k) => existing[k] !== route[k])
      : ['created'];
    await this.deps.audit.record(
      'relay.routes.save',
      route.id,
      `${existing ? 'Changed' : 'Added'} relay route ${routePath(route)} → ${url ?? 'simulated answers'} (${route.mode}), from ${origin}`,
      {
        path: routePath(route),
        url,
        mode: route.mode,
        changed,
      },
    );
    await this.changed();
    return this.view(route);
  }

  async remove(id: string): Promise<{ deleted: boolean; deadLettered: number }> {
    const route = await this.deps.store.getRoute(id);
    if (!route) return { deleted: false, deadLettered: 0 };
    const result = await this.deps.store.deleteRoute(
      id,
      `its relay route (${routePath(route)} → ${route.url ?? 'simulated'}) was deleted before it was relayed`,
      new Date().toISOString(),
    );
    await this.deps.audit.record(
      'relay.routes.delete',
      id,
      `Deleted relay route ${routePath(route)} → ${route.url ?? 'simulated answers'}; ${result.deadLettered} waiting deliveries became dead letters`,
      {
        path: routePath(route),
        url: route.url,
        deadLettered: result.deadLettered,
      },
    );
    await this.changed();
    return result;
  }

  async setPaused(id: string, paused: boolean): Promise<RelayRouteView> {
    const route = await this.require(id);
    if (route.mode === 'simulate')
      throw new ApiError('bad_request', `${routePath(route)} simulates answers and sends nothing, so there is nothing to pause: delete it or change its mode.`);
    if ((route.pausedAt !== null) !== paused) {
      const next = { ...route, pausedAt: paused ? new Date().toISOString() : null };
      await this.deps.store.putRoute(next);
      await this.deps.audit.record(
        paused ? 'relay.pause' : 'relay.resume',
        id,
        `${paused ? 'Paused' : 'Resumed'} relay route ${routePath(route)} → ${route.url}`,
        { path: routePath(route) },
      );
      await this.changed();
      return this.view(next);
    }
    return this.view(route);
  }

  async view(route: RelayRouteRecord): Promise<RelayRouteView> {
    const since = new Date(Date.now() - STATS_WINDOW_MS).toISOString();
    const delays = scheduleDelaysS(route.schedule, route.provider);
    const provider = providerRetrySchedules[route.provider];
    const tries = retryOffsetsS(provider.pattern).length;
    return {
      id: route.id,
      provider: route.provider,
      label: route.label,
      path: routePath(route),
      url: route.url,
      mode: route.mode,
      timeoutMs: route.timeoutMs,
      concurrency: route.concurrency,
      schedule: route.schedule,
      scheduleWords: delays === null ? null : scheduleWords(delays),
      simulate: route.simulate === null ? null : { ...route.simulate, remaining: this.deps.simulate.remaining(route) },
      paused: route.pausedAt !== null,
      pausedAt: route.pausedAt,
      productionLike: route.url === null ? null : productionLikeReason(route.url),
      providerRetries: `${providerCatalogue[route.provider].displayName}: ${provider.rule}${tries > 0 ? ` (${tries + 1} tries in all)` : ''}.`,
      warnings: warningsFor(route),
      createdAt: route.createdAt,
      updatedAt: route.updatedAt,
      stats: routeStats(route, await this.deps.store.routeActivity(route.id, since), since),
    };
  }

  private checkDestination(url: string, confirm: boolean): void {
    const parsed = new URL(url);
    const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
    if (LOOPBACK.has(parsed.hostname) && port === this.deps.listenerPort() && parsed.pathname.startsWith('/webhooks/')) {
      throw new ApiError(
        'bad_request',
        `${url} is Gatewatch's own listener: deliveries would be relayed back to it, again and again. Give the merchant's backend address.`,
        [{ path: 'url', message: 'points at this listener' }],
      );
    }
    const production = productionLikeReason(url);
    if (production && !confirm) {
      throw new ApiError(
        'conflict',
        `Confirm relaying to ${url}: ${production}, and every delivery on this route would be sent there. Save again with confirm: true.`,
      );
    }
  }

  private async changed(): Promise<void> {
    await this.deps.table.refresh();
    await this.deps.simulate.load(this.deps.table.all(), this.deps.store);
    this.deps.onChange();
  }
}

function stripSince<T extends object>(settings: T): Omit<T, 'since'> {
  const { since: _since, ...rest } = settings as T & { since?: string };
  return rest;
}

/** What about this route may surprise its owner, from the provider's documented behaviour. */
function warningsFor(route: RelayRouteRecord): string[] {
  const schedule = providerRetrySchedules[route.provider];
  const name = providerCatalogue[route.provider].displayName;
  const warnings: string[] = [];
  if (route.mode === 'passthrough' && schedule.answerWithinMs !== null && route.timeoutMs >= schedule.answerWithinMs) {
    warnings.push(
      `${name} expects an answer within ${schedule.answerWithinMs / 1000} s; this route waits up to ${route.timeoutMs / 1000} s for the backend, so a slow backend makes ${name} retry before Gatewatch answers.`,
    );
  }
  if (route.mode === 'passthrough' && schedule.accepts === '200-only') {
    warnings.push(`${name} counts only 200 OK as accepted: a 201 or 204 from the backend is passed on and makes ${name} retry.`);
  }
  if (route.mode === 'passthrough' && schedule.accepts === '200-204') {
    warnings.push(`${name} counts only 200–204 as accepted: any other 2xx from the backend makes ${name} retry.`);
  }
  if (route.url?.startsWith('http://') && !isLocal(route.url)) {
    warnings.push('The destination is plain http: webhooks (and any credential headers) cross the network unencrypted.');
  }
  return warnings;
}

function isLocal(url: string): boolean {
  const host = new URL(url).hostname;
  return LOOPBACK.has(host) || host.endsWith('.localhost') || /^(10|127)\.|^192\.168\.|^172\.(1[6-9]|2\d|3[01])\./.test(host);
}
