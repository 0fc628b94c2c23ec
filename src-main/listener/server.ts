import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IngestQueue } from './ingest-queue.js';
import { listen } from '../net/listen.js';
import { requestTarget } from './routes.js';
import { fdSafeConnectionCap, ListenerLimits, type ListenerLimitsInput } from './limits.js';
import type { RateLimit } from './clients.js';
import { ConnectionGuard } from './connection-guard.js';
import type { StorageGuard, StorageSnapshot } from './storage-guard.js';
import { Refusals } from './refusals.js';
import { BodyIntake, BUSY_RETRY_AFTER_S, headerBytes } from './intake.js';
import type { ListenerRelay } from '../relay/ingress.js';

export interface ListenerOptions {
  host: string;
  port: number;
  bodyLimitBytes: number;
  /** Read per request, so a settings change applies at once. */
  trustForwardedHeaders: () => boolean;
  /** Requests per sender; read per request (a setting). Omitted or null: no rate limit. */
  rateLimit?: () => RateLimit | null;
  /** Refuses deliveries (507) before the disk fills; omitted: no storage check. */
  storage?: StorageGuard;
  /** Per-sender and global caps (tests lower them). */
  limits?: ListenerLimitsInput;
  onError?: (error: unknown) => void;
  /** Slow senders are cut off after these (tests shorten them). */
  timeouts?: Partial<ListenerTimeouts>;
  /** Relay routes (src-main/relay): a path with one is forwarded or answered as it says; others behave as without. */
  relay?: ListenerRelay;
}

export interface ListenerTimeouts {
  /** A new socket that sends nothing for this long is closed. */
  firstByteMs: number;
  /** The whole request, headers and body. */
  requestMs: number;
  /** The request line and headers, from the connection (or the previous request) on. */
  headersMs: number;
  keepAliveMs: number;
  /** How often Node checks the two above. */
  checkEveryMs: number;
}

const DEFAULT_TIMEOUTS: ListenerTimeouts = { firstByteMs: 5_000, requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };

const STORAGE_RETRY_AFTER_S = 300;
/** What a sender is told: the store's size and quota are the console's business. */
const STORAGE_FULL = 'Insufficient storage: this console stores no more deliveries until space is freed. Please retry later.';

/** What the listener refused to protect itself, for the console. */
export interface ListenerProtection {
  maxConnections: number;
  maxConnectionsPerAddress: number;
  inFlightBytesLimit: number;
  inFlightBytes: number;
  connectionsRefused: number;
  /** Requests on loopback carried X-Forwarded-For while forwarded headers are not trusted (a tunnel not ticked as one). */
  untrustedForwardedFor: boolean;
  /** Refusals answered but, coalesced per sender and kind, not recorded. */
  refusalsNotRecorded: number;
  storage: StorageSnapshot | null;
}

const LISTEN_BACKLOG = 8192;

/** Stops accepting; idle connections go at once, requests under way get 2 s to finish. */
function closeGracefully(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}

/**
 * The webhook listener: its own port, the only one ever exposed through a tunnel. Every request
 * to it is committed to the store before it is answered; nothing a provider sends is dropped.
 * One sender cannot take it over: sockets, request rate and bodies in flight are limited per
 * sender, bodies in flight and storage overall.
 */
export class WebhookListener {
  private server: Server | null = null;
  private readonly limits: ListenerLimits;
  private readonly guard: ConnectionGuard;
  private readonly refusals: Refusals;
  private readonly intake: BodyIntake;

  constructor(
    private readonly options: ListenerOptions,
    ingest: IngestQueue,
  ) {
    this.limits = ListenerLimits.parse(options.limits ?? {});
    this.guard = new ConnectionGuard({
      maxConnectionsPerAddress: this.limits.maxConnectionsPerAddress,
      firstByteMs: options.timeouts?.firstByteMs ?? DEFAULT_TIMEOUTS.firstByteMs,
      trustForwardedHeaders: options.trustForwardedHeaders,
      rateLimit: () => this.options.rateLimit?.() ?? null,
      byteRateLimit: () => this.byteRate(),
    });
    this.refusals = new Refusals(ingest, options);
    this.intake = new BodyIntake({ ...options, limits: this.limits, refusals: this.refusals, ingest, byteRate: () => this.byteRate() });
  }

  /** Listens on `port` (the options' port by default); rejects with the bind error when it is taken. */
  async start(port = this.options.port): Promise<AddressInfo> {
    await this.options.storage?.start();
    const { server, address } = await this.bind(port);
    this.server = server;
    this.guard.start();
    return address;
  }

  /**
   * Moves the listener to another port. The new port is bound first, so when it is taken (or not
   * allowed) this rejects and the listener stays where it was; requests under way on the old
   * port are finished there. Starts the listener when it was not listening.
   */
  async moveTo(port: number): Promise<AddressInfo> {
    const previous = this.server;
    if (!previous) return this.start(port);
    const { server, address } = await this.bind(port);
    this.server = server;
    await closeGracefully(previous);
    return address;
  }

  private async bind(port: number): Promise<{ server: Server; address: AddressInfo }> {
    const t = { ...DEFAULT_TIMEOUTS, ...this.options.timeouts };
    const server = createServer(
      {
        requestTimeout: t.requestMs,
        headersTimeout: t.headersMs,
        keepAliveTimeout: t.keepAliveMs,
        connectionsCheckingInterval: t.checkEveryMs,
      },
      (req, res) => this.handle(req, res),
    );
    // A sender that half-closes after its request (a FIN with the last bytes) still gets its ack:
    // by default Node ends such a socket at once, dropping the answer of a commit still under way.
    // The switch is Node's own (node:_http_server, since 0.x) but not in its typings; the
    // half-close test in test/listener/listener.test.ts holds it.
    (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
    // The global cap keeps file descriptors safe; the per-address cap keeps one sender from taking it all.
    server.maxConnections = this.limits.maxConnections ?? fdSafeConnectionCap();
    server.on('connection', (socket) => this.guard.onConnection(socket));
    // A deep accept queue: with Node's default (511), a flood of connects fills it and a
    // provider's SYN is dropped, to be retried by its kernel only a second later.
    const address = await listen(server, port, this.options.host, LISTEN_BACKLOG);
    // After the bind: an accept error (EMFILE) is reported, never an uncaught exception.
    server.on('error', (error) => this.options.onError?.(error));
    return { server, address };
  }

  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null) ?? null;
  }

  protection(): ListenerProtection {
    return {
      maxConnections: this.server?.maxConnections ?? this.limits.maxConnections ?? fdSafeConnectionCap(),
      maxConnectionsPerAddress: this.limits.maxConnectionsPerAddress,
      inFlightBytesLimit: this.limits.inFlightBytes,
      inFlightBytes: this.intake.inFlightBytes,
      connectionsRefused: this.guard.connectionsRefused,
      untrustedForwardedFor: this.guard.untrustedForwardedFor && !this.options.trustForwardedHeaders(),
      refusalsNotRecorded: this.refusals.notRecorded,
      storage: this.options.storage?.snapshot() ?? null,
    };
  }

  /** Reads the store's size and the free disk space now (after the quota changed). */
  async checkStorage(): Promise<void> {
    await this.options.storage?.check();
  }

  async stop(): Promise<void> {
    this.guard.stop();
    this.options.storage?.stop();
    const server = this.server;
    if (!server) return;
    this.server = null;
    await closeGracefully(server);
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const client = this.guard.clientOf(request);
    const now = performance.now();
    const declared = Number(request.headers['content-length']);
    const declaredSize = Number.isFinite(declared) ? declared : 0;
    if (!this.guard.beginRequest(client, response)) {
      const reason = `Too many requests from this sender in progress at once (at most ${this.limits.maxConnectionsPerAddress}); please retry.`;
      this.refusals.shed(request, response, client, now, 503, reason, declaredSize, BUSY_RETRY_AFTER_S);
      return;
    }
    const rate = this.options.rateLimit?.() ?? null;
    const wait = rate === null ? 0 : client.take(rate, now);
    if (wait > 0) {
      const reason = `Too many requests from this sender: the limit is ${rate!.perSecond} a second (bursts of ${rate!.burst}).`;
      this.refusals.shed(request, response, client, now, 429, reason, declaredSize, wait);
      return;
    }
    if (this.options.storage?.refusing) {
      this.refusals.shed(request, response, client, now, 507, STORAGE_FULL, declaredSize, STORAGE_RETRY_AFTER_S);
      return;
    }
    const target = requestTarget(request.url);
    if (request.method !== 'POST') {
      // Recorded too (without a body): a provider misconfigured to GET its webhooks shows up.
      const reason = `${request.method ?? 'This method'} is not accepted: webhooks are POSTed.`;
      this.refusals.refuse(request, target, response, client, now, { httpStatus: 405, reason, size: 0, headers: { allow: 'POST' } });
      return;
    }
    const limit = this.options.bodyLimitBytes;
    if (declaredSize > limit) {
      const reason = `Content-Length ${declared} is over the ${limit}-byte limit.`;
      this.refusals.refuse(request, target, response, client, now, { httpStatus: 413, reason, size: declared, headers: { connection: 'close' } });
      return;
    }
    const bytes = target.provider === 'unknown' ? null : this.byteRate();
    const bytesWait = bytes === null || declaredSize === 0 ? 0 : client.bytesWait(declaredSize + headerBytes(request), bytes, now);
    if (bytesWait > 0) {
      this.refusals.shed(request, response, client, now, 429, this.intake.bytesReason(bytes!), declaredSize, bytesWait, target);
      return;
    }
    if (target.provider !== 'unknown' && this.intake.overBudget(client, declaredSize)) {
      this.refusals.shed(request, response, client, now, 503, this.intake.busyReason(), declaredSize, BUSY_RETRY_AFTER_S, target);
      return;
    }
    this.intake.receive(request, response, client, target);
  }

  /** Bytes stored per sender: on with the request rate limit (a setting), at the listener's limits. */
  private byteRate(): RateLimit | null {
    if ((this.options.rateLimit?.() ?? null) === null) return null;
    return { perSecond: this.limits.bytesPerSecondPerAddress, burst: this.limits.bytesBurstPerAddress };
  }
}
