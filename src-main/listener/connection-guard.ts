import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { addressKey, isLoopback, isTunnelAgentAddress, lastForwardedHop } from './client-address.js';
import { ClientTable, type ClientState, type RateLimit } from './clients.js';

const CLIENT = Symbol('gatewatch.client');
const AWAITING_FIRST_REQUEST = Symbol('gatewatch.awaitingFirstRequest');

interface GuardedSocket extends Socket {
  /** null for a tunnel agent's socket: its requests are charged to the forwarded sender. */
  [CLIENT]?: ClientState | null;
  [AWAITING_FIRST_REQUEST]?: boolean;
}

export interface ConnectionGuardOptions {
  maxConnectionsPerAddress: number;
  firstByteMs: number;
  trustForwardedHeaders: () => boolean;
  rateLimit: () => RateLimit | null;
  /** Bytes stored per sender; null when off. */
  byteRateLimit: () => RateLimit | null;
}

const SWEEP_EVERY_MS = 10_000;

/**
 * Per-sender limits at the socket: how many sockets one address may hold open, and how long a
 * socket may stay silent before its first request. Also says who each request is charged to, and
 * how many requests each sender has in progress (the cap for senders behind a tunnel).
 */
export class ConnectionGuard {
  readonly clients = new ClientTable();
  connectionsRefused = 0;
  /**
   * True once a request on loopback carried X-Forwarded-For while forwarded headers were not
   * trusted: the listener looks to sit behind a tunnel that is not ticked as one, so every
   * sender through it counts as one.
   */
  untrustedForwardedFor = false;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly options: ConnectionGuardOptions) {}

  start(): void {
    this.sweeper ??= setInterval(() => this.clients.sweep(performance.now(), this.options.rateLimit(), this.options.byteRateLimit()), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  /** The server's 'connection' event: once per socket, never per request. */
  onConnection(socket: GuardedSocket): void {
    const address = socket.remoteAddress;
    if (this.options.trustForwardedHeaders() && isTunnelAgentAddress(address)) {
      // Behind a tunnel, every delivery comes through the tunnel agent's sockets from 127.0.0.1
      // (or ::1): a per-address socket cap there would cap the tunnel itself. Its requests are
      // charged to the forwarded sender instead (clientOf), whose requests in progress are capped
      // (beginRequest); only the global cap counts these sockets.
      socket[CLIENT] = null;
    } else {
      const client = this.clients.get(addressKey(address));
      if (client.connections >= this.options.maxConnectionsPerAddress) {
        this.connectionsRefused += 1;
        socket.destroy();
        return;
      }
      client.connections += 1;
      socket[CLIENT] = client;
      socket.once('close', () => {
        client.connections -= 1;
      });
    }
    // Node's headersTimeout also counts from the connection, but it is the longer headers
    // deadline; a socket that sends nothing at all goes sooner. Cleared at its first request.
    socket.setTimeout(this.options.firstByteMs);
    socket[AWAITING_FIRST_REQUEST] = true;
  }

  /** Who a request is charged to; clears the first-byte deadline at a socket's first request. */
  clientOf(request: IncomingMessage): ClientState {
    const socket = request.socket as GuardedSocket;
    if (socket[AWAITING_FIRST_REQUEST]) {
      socket[AWAITING_FIRST_REQUEST] = false;
      // From here Node's request and keep-alive timeouts apply; a slow commit must not cut it.
      socket.setTimeout(0);
    }
    const forwardedFor = request.headers['x-forwarded-for'];
    const trusted = this.options.trustForwardedHeaders();
    if (!trusted && forwardedFor !== undefined && isLoopback(socket.remoteAddress)) this.untrustedForwardedFor = true;
    const client = socket[CLIENT];
    if (client) return client;
    const hop = trusted ? lastForwardedHop(forwardedFor) : null;
    return this.clients.get(hop ?? addressKey(socket.remoteAddress));
  }

  /**
   * Counts a request in progress for its sender until its answer is done; false (nothing counted)
   * when the sender already has as many as it may hold sockets. Through a tunnel a sender holds
   * no sockets of its own, so this is what keeps one from taking the tunnel's connections.
   */
  beginRequest(client: ClientState, response: ServerResponse): boolean {
    if (client.requestsInProgress >= this.options.maxConnectionsPerAddress) return false;
    client.requestsInProgress += 1;
    response.once('close', () => {
      client.requestsInProgress -= 1;
    });
    return true;
  }
}
