import type { IncomingMessage } from 'node:http';
import { addressKey, lastForwardedHop } from '../listener/client-address.js';

export interface ConsoleOriginsOptions {
  /** The address people open (`--public-url`), e.g. https://gatewatch.example.com; null: loopback only. */
  publicUrl: URL | null;
  /** The console itself speaks TLS (`--tls-cert`, `--tls-key`). */
  tls: boolean;
  /** Addresses of the reverse proxy in front (`--trust-proxy`): requests from them are charged to their last X-Forwarded-For hop. */
  trustedProxies?: readonly string[];
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Which Host and Origin the console answers to (its loopback names, and the public URL it was
 * given: anything else is a DNS-rebinding or cross-site attempt), what its session cookie is
 * called and carries, and who a request comes from.
 */
export class ConsoleOrigins {
  /** Known once the server listens. */
  port = 0;

  constructor(private readonly options: ConsoleOriginsOptions) {}

  private get scheme(): 'http' | 'https' {
    return this.options.tls ? 'https' : 'http';
  }

  /** The Host header values allowed. */
  hosts(): Set<string> {
    const hosts = new Set(LOOPBACK_NAMES.map((name) => `${name}:${this.port}`));
    if (this.options.publicUrl) hosts.add(this.options.publicUrl.host);
    return hosts;
  }

  origins(): Set<string> {
    const origins = new Set(LOOPBACK_NAMES.map((name) => `${this.scheme}://${name}:${this.port}`));
    if (this.options.publicUrl) origins.add(this.options.publicUrl.origin);
    return origins;
  }

  hostAllowed(request: IncomingMessage): boolean {
    return this.hosts().has(request.headers.host ?? '');
  }

  /** A browser's Origin must be the console's own; requests without one (curl, scripts) pass. */
  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return origin === undefined || this.origins().has(origin);
  }

  /**
   * A write that rides on the session cookie must say it comes from the console's own page: an
   * Origin header naming it (browsers send one with every POST), and no Sec-Fetch-Site saying
   * otherwise. SameSite=Strict already keeps other sites' requests from carrying the cookie; this
   * is the second lock.
   */
  sameOriginWrite(request: IncomingMessage): boolean {
    if (request.headers.origin === undefined || !this.originAllowed(request)) return false;
    const site = request.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin';
  }

  /** Under TLS (here or at the proxy) the cookie is Secure, and named __Host- so no other host can set it. */
  get secureCookies(): boolean {
    return this.options.tls || this.options.publicUrl?.protocol === 'https:';
  }

  /** The name carries the port: cookies do not keep ports apart, and two consoles on one machine must not overwrite each other's. */
  get cookieName(): string {
    return `${this.secureCookies ? '__Host-' : ''}gatewatch_session_${this.port}`;
  }

  /** HttpOnly, SameSite=Strict, path /, Secure under TLS; no Max-Age: it ends with the browser, the session on the server. */
  sessionCookie(id: string): string {
    return `${this.cookieName}=${id}; Path=/; HttpOnly; SameSite=Strict${this.secureCookies ? '; Secure' : ''}`;
  }

  clearedCookie(): string {
    return `${this.cookieName}=; Path=/; HttpOnly; SameSite=Strict${this.secureCookies ? '; Secure' : ''}; Max-Age=0`;
  }

  /** Who sent the request, for sign-in limits: the proxy's last X-Forwarded-For hop when it came through a trusted proxy. */
  clientAddress(request: IncomingMessage): string {
    const peer = request.socket.remoteAddress;
    const proxies = this.options.trustedProxies ?? [];
    if (peer && proxies.some((proxy) => addressKey(proxy) === addressKey(peer))) {
      return lastForwardedHop(request.headers['x-forwarded-for']) ?? addressKey(peer);
    }
    return addressKey(peer);
  }
}
