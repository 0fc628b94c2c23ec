import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The console page may load only its own code; it talks only to its own origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Constant-time token check (hashing first makes both sides the same length). */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1]?.trim();
}

/** Loopback names the console answers to: anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** A browser's Origin must be the console's own; requests without one (curl, tests) pass. */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return [...allowedHosts(port)].some((host) => origin === `http://${host}`);
}

/**
 * The console session's cookie. The name carries the port: cookies do not keep ports apart, and
 * two consoles on one machine must not overwrite each other's session.
 */
export const sessionCookieName = (port: number): string => `gatewatch_session_${port}`;

/**
 * HttpOnly (the page never reads it), SameSite=Strict (no other site's page sends it), path /,
 * no Max-Age or Expires: it ends with the browser session, and the id it holds with the serve run.
 */
export const sessionCookie = (port: number, id: string): string => `${sessionCookieName(port)}=${id}; Path=/; HttpOnly; SameSite=Strict`;

export const clearedSessionCookie = (port: number): string => `${sessionCookieName(port)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * A write that rides on the session cookie must say it comes from the console's own page: an
 * Origin header naming it (browsers send one with every POST), and no Sec-Fetch-Site saying
 * otherwise. SameSite=Strict already keeps other sites' requests from carrying the cookie; this
 * is the second lock, and it refuses a cookie write from anything that does not say where it is from.
 */
export function sameOriginWrite(request: IncomingMessage, port: number): boolean {
  if (request.headers.origin === undefined || !originAllowed(request, port)) return false;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin';
}
