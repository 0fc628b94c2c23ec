/**
 * The relay's part in the listener: which route covers a delivery (a Map lookup), the job that is
 * committed with it, and the answer the provider gets once it is committed: 200 (queue), the
 * backend's own answer (passthrough) or the simulated one (simulate).
 */
import type { ServerResponse } from 'node:http';
import type { NewDelivery } from '../store/types.js';
import type { RelayJobSeed, RelayRouteRecord } from '../store/relay-types.js';
import { newId } from '../store/ids.js';
import { scheduleDelaysS, DEFAULT_RELAY_DELAYS_S } from '../../src-shared/relay/backoff.js';
import { answer } from '../listener/refusals.js';
import type { RelayRouteTable } from './route-table.js';
import type { SimulateCounters, SimulatedAnswer } from './simulate.js';
import type { RelaySender } from './sender.js';
import type { RelayRecorder } from './recorder.js';
import { answerHeadersForProvider, DELIVERY_ID_HEADER } from './relay-headers.js';

/** What the listener asks of the relay, per delivery. */
export interface ListenerRelay {
  /** The relay of this delivery (its job set on `delivery.relay`), or null when no route covers its path. */
  intercept(delivery: NewDelivery): RelayedDelivery | null;
}

export interface RelayedDelivery {
  /** Answers the provider; called once the delivery is committed. */
  respond(response: ServerResponse, body: Buffer): void;
  /** The delivery could not be stored: nothing is relayed. */
  notStored(): void;
}

export interface RelayIngressDeps {
  routes: RelayRouteTable;
  simulate: SimulateCounters;
  sender: RelaySender;
  recorder: RelayRecorder;
  /** A queued delivery was committed: the queue worker should look. */
  onQueued(): void;
  log(message: string): void;
}

export class RelayIngress implements ListenerRelay {
  private readonly forwarding = new Set<Promise<void>>();

  constructor(private readonly deps: RelayIngressDeps) {}

  /** Resolves once every passthrough under way has answered its provider and been recorded. */
  async idle(): Promise<void> {
    while (this.forwarding.size > 0) await Promise.all(this.forwarding);
  }

  intercept(delivery: NewDelivery): RelayedDelivery | null {
    if (delivery.provider === 'unknown') return null;
    const route = this.deps.routes.forPath(delivery.provider, delivery.label);
    if (!route) return null;
    const seed = (mode: RelayJobSeed['mode'], state: RelayJobSeed['state'], maxAttempts: number, answered: RelayJobSeed['answered']): void => {
      delivery.relay = { jobId: newId('rjb'), routeId: route.id, mode, state, runAt: delivery.receivedAt, maxAttempts, answered };
    };
    // Paused, a passthrough route queues: stored, answered 200, relayed once resumed.
    if (route.mode === 'queue' || (route.mode === 'passthrough' && route.pausedAt !== null)) {
      const delays = scheduleDelaysS(route.schedule, route.provider) ?? DEFAULT_RELAY_DELAYS_S;
      seed('queue', 'pending', delays.length + 1, { status: 200 });
      return {
        respond: (response) => {
          answer(response, 200, { id: delivery.id });
          this.deps.onQueued();
        },
        notStored: () => {},
      };
    }
    if (route.mode === 'simulate') {
      const decided = this.deps.simulate.decide(route);
      seed('simulate', 'simulated', 0, { status: decided.status });
      return { respond: (response) => simulateAnswer(response, delivery.id, decided), notStored: () => this.deps.simulate.undo(route) };
    }
    seed('passthrough', 'sending', 1, null);
    return {
      respond: (response, body) => {
        const forwarding = this.passthrough(route, delivery, body, response)
          .catch((error) => this.deps.log(`relay: passthrough of ${delivery.id} failed: ${(error as Error).message}`))
          .finally(() => this.forwarding.delete(forwarding));
        this.forwarding.add(forwarding);
      },
      notStored: () => {},
    };
  }

  /** Committed already: forward, answer the provider with what the backend said, record the try. */
  private async passthrough(route: RelayRouteRecord, delivery: NewDelivery, body: Buffer, response: ServerResponse): Promise<void> {
    const jobId = delivery.relay!.jobId;
    const {
      attempt,
      answer: backend,
      failure,
    } = await this.deps.sender.send({
      route,
      jobId,
      delivery: { ...delivery, body },
      number: 1,
      mode: 'passthrough',
    });
    // The provider may have hung up meanwhile: then it got no answer, and will retry.
    const reachable = !response.destroyed && !response.headersSent;
    let status: number | null = null;
    if (reachable && backend) {
      status = backend.status;
      response.writeHead(backend.status, { ...answerHeadersForProvider(backend.headers, delivery.id), 'content-length': backend.body.length });
      response.end(backend.body);
    } else if (reachable) {
      // A gateway's words: 504 when the backend was too slow, 502 when it could not be reached.
      status = failure === 'timeout' ? 504 : 502;
      answer(
        response,
        status,
        { id: delivery.id, error: `Relayed to the merchant's backend, which did not answer: ${attempt.error}` },
        { [DELIVERY_ID_HEADER.toLowerCase()]: delivery.id },
      );
    }
    const at = new Date().toISOString();
    await this.deps.recorder.add(
      {
        attempt,
        update: {
          jobId,
          state: attempt.outcome === 'ok' ? 'delivered' : 'failed',
          attempts: 1,
          runAt: attempt.finishedAt,
          lastError: attempt.error,
          finishedAt: attempt.finishedAt,
          answered: { status, at },
        },
      },
      delivery.id,
    );
  }
}

function simulateAnswer(response: ServerResponse, deliveryId: string, decided: SimulatedAnswer): void {
  const reply = () => {
    if (decided.status === null) {
      // "Time out": no answer at all; the provider sees its own deadline pass, or the connection close.
      response.socket?.destroy();
      return;
    }
    if (decided.body === null) return answer(response, decided.status, { id: deliveryId }, { 'x-gatewatch-simulated': 'true' });
    if (response.headersSent || response.destroyed) return;
    const isJson = (() => {
      try {
        JSON.parse(decided.body);
        return true;
      } catch {
        return false;
      }
    })();
    response.writeHead(decided.status, {
      'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(decided.body),
      'x-gatewatch-simulated': 'true',
      [DELIVERY_ID_HEADER.toLowerCase()]: deliveryId,
    });
    response.end(decided.body);
  };
  if (decided.delayMs > 0) setTimeout(reply, decided.delayMs);
  else reply();
}
