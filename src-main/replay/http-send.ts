/**
 * One HTTP POST to a replay target with node:http(s): header names keep their case and order,
 * the body goes out byte for byte, redirects are never followed, the whole exchange has one
 * deadline, and the answer's body is read only up to a cap. Nothing is retried.
 */
import { request as httpRequest, STATUS_CODES, type Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import { urlToHttpOptions } from 'node:url';
import type { HeaderPair } from '../../src-shared/domain/delivery.js';

export interface OutgoingReplay {
  url: string;
  headers: readonly HeaderPair[];
  body: Uint8Array;
  timeoutMs: number;
  responseCapBytes: number;
  /** Keep-alive connections (the relay reuses them); absent: a fresh connection per request, as replays use. */
  agent?: HttpAgent | HttpsAgent;
}

export interface TargetAnswer {
  status: number;
  statusText: string;
  headers: HeaderPair[];
  body: Buffer;
  bodyTruncated: boolean;
}

/** The request failed before a complete answer arrived; `message` says why in words. */
export class SendFailure extends Error {
  override name = 'SendFailure';

  /**
   * `timeout`: no complete answer in time; `network`: no connection, or it broke; `stale`: a kept-alive
   * connection the target had already closed (nothing was sent: safe to send again).
   */
  constructor(
    message: string,
    readonly kind: 'timeout' | 'network' | 'stale' = 'network',
  ) {
    super(message);
  }
}

function describeNetworkError(error: NodeJS.ErrnoException, url: URL): string {
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  switch (error.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${where}: nothing is listening there`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name ${url.hostname} could not be resolved`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `the connection to ${where} was closed by the target before it answered`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} cannot be reached from this machine (no route to the host)`;
    default:
      return error.code?.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(error.message)
        ? `the TLS connection to ${where} failed: ${error.message}`
        : `the request to ${where} failed: ${error.message}`;
  }
}

function pairsOf(response: IncomingMessage): HeaderPair[] {
  const raw = response.rawHeaders;
  const pairs: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/** A target's URL as node:http takes it, parsed once: a relay route sends to the same URL on every request. */
interface ParsedTarget {
  url: URL;
  /** What `request(url, …)` would make of the URL itself (node:url's own conversion). */
  options: ReturnType<typeof urlToHttpOptions>;
  request: typeof httpRequest;
}

const PARSED_KEPT = 64;
const parsedTargets = new Map<string, ParsedTarget>();

function parsedTarget(text: string): ParsedTarget {
  let parsed = parsedTargets.get(text);
  if (parsed === undefined) {
    // An invalid URL throws here, as `new URL` always did; it is not kept.
    const url = new URL(text);
    parsed = { url, options: urlToHttpOptions(url), request: url.protocol === 'https:' ? httpsRequest : httpRequest };
    if (parsedTargets.size >= PARSED_KEPT) parsedTargets.delete(parsedTargets.keys().next().value!);
    parsedTargets.set(text, parsed);
  }
  return parsed;
}

export function sendToTarget(outgoing: OutgoingReplay): Promise<TargetAnswer> {
  const { url, options, request } = parsedTarget(outgoing.url);
  const body = Buffer.from(outgoing.body.buffer, outgoing.body.byteOffset, outgoing.body.byteLength);
  const headers = headerObject(outgoing.headers);
  headers['Content-Length'] = String(body.length);
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string, kind?: SendFailure['kind']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(new SendFailure(message, kind));
    };
    // The options `request(url, { method, headers, agent })` would assemble, without converting the URL again.
    // Null prototype, as node:http's own conversion makes it: a polluted Object.prototype adds no option.
    const req = request(
      Object.assign(Object.create(null) as typeof options, options, { method: 'POST', headers, agent: outgoing.agent ?? false }),
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const finish = () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage || STATUS_CODES[response.statusCode ?? 0] || '',
            headers: pairsOf(response),
            body: Buffer.concat(chunks),
            bodyTruncated: truncated,
          });
        };
        response.on('data', (chunk: Buffer) => {
          const room = outgoing.responseCapBytes - size;
          if (chunk.length > room) {
            if (room > 0) chunks.push(chunk.subarray(0, room));
            size += Math.max(room, 0);
            truncated = true;
            // The status and headers are what matter; stop reading a huge answer.
            finish();
            response.destroy();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', finish);
        response.on('error', (error) => fail(`the answer from the target broke off: ${error.message}`));
        response.on('aborted', () => fail('the target closed the connection in the middle of its answer'));
      },
    );
    const timer = setTimeout(
      () => fail(`no complete answer within ${formatSeconds(outgoing.timeoutMs)} (timed out); the target may still have processed the request`, 'timeout'),
      outgoing.timeoutMs,
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      fail(describeNetworkError(error, url), req.reusedSocket && error.code === 'ECONNRESET' ? 'stale' : 'network'),
    );
    req.end(body);
  });
}

/** Names keep the case they were stored with (the first one's, when repeated); a repeated name is sent as repeated lines. */
function headerObject(pairs: readonly HeaderPair[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const keptAs = new Map<string, string>();
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase();
    const kept = keptAs.get(lower);
    if (kept === undefined) {
      keptAs.set(lower, name);
      put(out, name, value);
    } else {
      const before = out[kept]!;
      put(out, kept, Array.isArray(before) ? [...before, value] : [before, value]);
    }
  }
  return out;
}

/** An own property, as Object.fromEntries makes it: a header named `__proto__` stays a header. */
function put(out: Record<string, string | string[]>, name: string, value: string | string[]): void {
  if (name === '__proto__') Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
  else out[name] = value;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
