/**
 * HAR 1.2 entries: a stored delivery as the request the provider made and the answer the listener
 * gave; a replay attempt as the request sent to staging and its answer; a relay try as the request
 * sent to the merchant's backend and its answer. Bodies are exact: UTF-8
 * text as text, anything else base64 with `encoding: "base64"`. Gatewatch's own facts ride along
 * in `_gatewatch` (HAR allows custom fields that start with an underscore).
 */
import { STATUS_CODES } from 'node:http';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import type { ReplayAttempt, ReplayResponse } from '../../../src-shared/contract/replay.js';
import type { RelayAttempt } from '../../../src-shared/contract/relay.js';
import { maskCredentialHeaders } from '../../../src-shared/domain/credential-headers.js';
import type { StoredDelivery } from '../../store/types.js';
import { utf8OrNull } from '../../pipeline/body-text.js';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarPostData {
  mimeType: string;
  text: string;
  encoding?: 'base64';
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: HarPostData;
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; encoding?: 'base64'; comment?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { blocked: number; dns: number; connect: number; send: number; wait: number; receive: number; ssl: number };
  comment?: string;
  _gatewatch: Record<string, unknown>;
}

export const HAR_CREATOR = { name: 'Gatewatch', version: '0.1.0' };

const header = (headers: readonly HeaderPair[], name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
const pairs = (headers: readonly HeaderPair[]): HarNameValue[] => headers.map(([name, value]) => ({ name, value }));

const decode = (part: string) => {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
};

export function queryStringOf(query: string): HarNameValue[] {
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq === -1 ? { name: decode(part), value: '' } : { name: decode(part.slice(0, eq)), value: decode(part.slice(eq + 1)) };
    });
}

/** The exact bytes: text when they are UTF-8, base64 otherwise. */
export function postDataOf(body: Uint8Array, mimeType: string | undefined): HarPostData {
  const text = utf8OrNull(body);
  const type = mimeType ?? 'application/octet-stream';
  return text === null ? { mimeType: type, text: Buffer.from(body).toString('base64'), encoding: 'base64' } : { mimeType: type, text };
}

const NO_TIMINGS = { blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0, ssl: -1 };

/** Where the provider sent it: the imported URL, or the Host (and forwarded scheme) it arrived with. */
function requestUrl(delivery: StoredDelivery): string {
  if (delivery.origin) return delivery.origin.url;
  const proto = delivery.forwarded?.proto?.split(',')[0]?.trim() || 'http';
  const host = delivery.forwarded?.host?.split(',')[0]?.trim() || header(delivery.headers, 'host') || 'localhost';
  return `${proto}://${host}${delivery.path}${delivery.query ? `?${delivery.query}` : ''}`;
}

function listenerAnswer(delivery: StoredDelivery): HarEntry['response'] {
  const base = { httpVersion: 'HTTP/1.1', cookies: [], redirectURL: '', headersSize: -1 };
  if (delivery.origin) {
    const comment = 'Imported: the answer the original request got is not known.';
    return { ...base, status: 0, statusText: '', headers: [], content: { size: 0, mimeType: 'x-unknown', comment }, bodySize: -1 };
  }
  if (delivery.rejected) {
    const { httpStatus, reason } = delivery.rejected;
    return {
      ...base,
      status: httpStatus,
      statusText: STATUS_CODES[httpStatus] ?? '',
      headers: [],
      content: { size: 0, mimeType: 'x-unknown', comment: reason },
      bodySize: -1,
    };
  }
  const text = JSON.stringify({ id: delivery.id });
  const headers = [{ name: 'Content-Type', value: 'application/json' }];
  return {
    ...base,
    status: 200,
    statusText: 'OK',
    headers,
    content: { size: Buffer.byteLength(text), mimeType: 'application/json', text },
    bodySize: Buffer.byteLength(text),
  };
}

/** One delivery as a HAR entry; credential header values masked unless `revealCredentials`. */
export function deliveryHarEntry(delivery: StoredDelivery, options: { revealCredentials?: boolean } = {}): HarEntry {
  const headers = options.revealCredentials ? delivery.headers : maskCredentialHeaders(delivery.headers);
  const derived = delivery.derived;
  const comment = delivery.rejected
    ? `Refused with HTTP ${delivery.rejected.httpStatus} (${delivery.rejected.reason}); the body was not kept.`
    : delivery.origin
      ? `Imported from ${delivery.origin.source}.`
      : undefined;
  return {
    startedDateTime: delivery.receivedAt,
    time: 0,
    request: {
      method: delivery.method,
      url: requestUrl(delivery),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(headers),
      queryString: queryStringOf(delivery.query),
      ...(delivery.body === null ? {} : { postData: postDataOf(delivery.body, header(delivery.headers, 'content-type')) }),
      headersSize: -1,
      bodySize: delivery.body === null ? -1 : delivery.body.byteLength,
    },
    response: listenerAnswer(delivery),
    cache: {},
    timings: NO_TIMINGS,
    ...(comment ? { comment } : {}),
    _gatewatch: {
      kind: 'delivery',
      id: delivery.id,
      provider: delivery.provider,
      label: delivery.label,
      eventType: derived?.eventType ?? null,
      verification: derived?.verification.status ?? null,
      status: derived?.normalized?.status ?? null,
      reference: derived?.reference ?? null,
      duplicateOf: delivery.duplicateOf,
      origin: delivery.origin ?? null,
      credentialHeadersMasked: !options.revealCredentials,
    },
  };
}

/** One try at sending a request somewhere (a replay to staging, a relay to the backend), as it was kept. */
export interface SentTry {
  startedAt: string;
  durationMs: number;
  method: string;
  url: string;
  /** As recorded: credential values are masked again here, whatever the record holds. */
  sentHeaders: readonly HeaderPair[];
  /** The bytes sent; null when they are no longer known (the delivery was pruned). */
  body: Uint8Array | null;
  /** The answer (capped, secrets it echoed masked); null when none came (timeout, connection error). */
  response: ReplayResponse | null;
  /** Why the try failed, in words (a refusal, a timeout…): the entry's comment. */
  error: string | null;
}

/**
 * A try as a HAR entry: the request as sent (credentials masked, the exact bytes) and the answer,
 * or status 0 without content and the failure in `comment` when none came.
 */
export function sentTryHarEntry(sent: SentTry, gatewatch: Record<string, unknown>): HarEntry {
  const { body } = sent;
  const headers = maskCredentialHeaders(sent.sentHeaders);
  const answer = sent.response;
  const answerType = answer ? (header(answer.headers, 'content-type') ?? 'x-unknown') : 'x-unknown';
  const answerSize = answer ? Buffer.byteLength(answer.body) : 0;
  return {
    startedDateTime: sent.startedAt,
    time: sent.durationMs,
    request: {
      method: sent.method,
      url: sent.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(headers),
      queryString: queryStringOf(new URL(sent.url).search.replace(/^\?/, '')),
      ...(body === null ? {} : { postData: postDataOf(body, header(headers, 'content-type')) }),
      headersSize: -1,
      bodySize: body?.byteLength ?? -1,
    },
    response: {
      status: answer?.status ?? 0,
      statusText: answer?.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      // The backend's own credentials (Set-Cookie, tokens) are masked as the request's are.
      headers: pairs(maskCredentialHeaders(answer?.headers ?? [])),
      content: {
        size: answer?.size ?? 0,
        mimeType: answerType,
        ...(answer ? { text: answer.body } : {}),
        ...(answer?.bodyTruncated ? { comment: `Cut at ${answerSize} bytes: Gatewatch keeps the start of a long answer.` } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: answer?.size ?? -1,
    },
    cache: {},
    timings: { ...NO_TIMINGS, wait: sent.durationMs },
    ...(sent.error ? { comment: sent.error } : {}),
    _gatewatch: gatewatch,
  };
}

/**
 * One replay attempt as a HAR entry: the request as sent (headers as recorded, credentials
 * masked; the edited body, or the delivery's stored bytes) and staging's answer (capped, masked).
 */
export function attemptHarEntry(attempt: ReplayAttempt, storedBody: Uint8Array | null): HarEntry {
  const body = attempt.sentBody !== null ? Buffer.from(attempt.sentBody, 'utf8') : storedBody;
  const sent = { ...attempt, method: 'POST', url: attempt.target.url, body };
  return sentTryHarEntry(sent, {
    kind: 'replay-attempt',
    id: attempt.id,
    deliveryId: attempt.deliveryId,
    jobId: attempt.jobId,
    target: attempt.target,
    outcome: attempt.outcome,
    resigned: attempt.resigned,
    bodyEdited: attempt.bodyEdited,
    headersEdited: attempt.headersEdited,
    sentBodySha256: attempt.sentBodySha256,
  });
}

/**
 * One relay try as a HAR entry: the delivery's stored bytes as sent to the merchant's backend
 * (a relay sends them unchanged), the headers as recorded, and the backend's answer or failure.
 */
export function relayAttemptHarEntry(attempt: RelayAttempt, storedBody: Uint8Array | null): HarEntry {
  return sentTryHarEntry(
    { ...attempt, method: 'POST', body: storedBody },
    {
      kind: 'relay-attempt',
      id: attempt.id,
      deliveryId: attempt.deliveryId,
      jobId: attempt.jobId,
      routeId: attempt.routeId,
      mode: attempt.mode,
      number: attempt.number,
      outcome: attempt.outcome,
    },
  );
}
