/**
 * Sends a built request: the exact body bytes, 15 s timeout, redirects never followed (a
 * redirect is reported, since following one would re-send a signed request somewhere else).
 * The answer is read only up to a cap (the connection is closed past it) and comes back with the
 * request's secrets masked: nothing after this module sees what a provider echoed in clear.
 */
import type { HeaderPair } from '../../src-shared/domain/delivery.js';
import { parseLosslessJson } from '../providers/shared/lossless-json.js';
import type { SecretMasker } from '../secrets/echo-masker.js';
import type { BuiltRequest, ProviderAnswer } from './types.js';

export const SEND_TIMEOUT_MS = 15_000;
/** How much of an answer is kept: error pages and session objects are far smaller. */
export const ANSWER_CAP_BYTES = 1024 * 1024;

export interface SendOptions {
  /** Applied to the answer's headers and body and to a network error, before anything else sees them. */
  masker: SecretMasker;
  timeoutMs?: number;
  capBytes?: number;
}

export type SendOutcome = { ok: true; answer: ProviderAnswer } | { ok: false; error: string; durationMs: number };

function networkError(error: unknown, url: string, timeoutMs: number): string {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const err = error as { name?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return `No answer from ${host} within ${timeoutMs / 1000} s. It was not sent again: the provider may still have created it, so check before retrying.`;
  switch (err.cause?.code) {
    case 'ECONNREFUSED':
      return `Could not connect to ${host}: nothing is listening there (connection refused). Check the base URL for this environment.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host ${host} could not be found (DNS). Check the base URL for this environment.`;
    case 'ECONNRESET':
      return `${host} closed the connection before answering.`;
    default:
      return `The request to ${host} failed before an answer arrived: ${err.cause?.message ?? (error as Error).message}.`;
  }
}

export function parseAnswerJson(body: string | null): unknown {
  if (body === null) return undefined;
  const parsed = parseLosslessJson(body);
  return parsed.ok ? parsed.value : undefined;
}

/** Reads at most `limit` bytes, then calls `stop` (which closes the connection) instead of reading on. */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number, stop: () => void): Promise<{ bytes: Buffer; complete: boolean }> {
  if (body === null) return { bytes: Buffer.alloc(0), complete: true };
  const reader = body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: Buffer.concat(chunks), complete: true };
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    size += value.byteLength;
    if (size > limit) {
      stop();
      reader.cancel().catch(() => {});
      return { bytes: Buffer.concat(chunks).subarray(0, limit), complete: false };
    }
  }
}

const inMiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB (${bytes} bytes)`;

/** The masked text of what was read, cut at the cap with a note saying so and how big the answer was. */
function answerText(
  read: { bytes: Buffer; complete: boolean },
  capBytes: number,
  masker: SecretMasker,
  declaredLength: string | null,
): { body: string; cut: boolean } {
  const text = new TextDecoder().decode(read.bytes);
  if (read.complete && read.bytes.length <= capBytes) return { body: masker.mask(text), cut: false };
  // The cut is placed in the unmasked text; an echo crossing it is still masked whole.
  const keep = new TextDecoder().decode(read.bytes.subarray(0, capBytes)).length;
  const declared = declaredLength !== null && /^\d+$/.test(declaredLength) ? Number(declaredLength) : null;
  const size = read.complete
    ? inMiB(read.bytes.length)
    : declared !== null
      ? `${inMiB(declared)} by its Content-Length`
      : `more than ${inMiB(read.bytes.length)}`;
  const note = `… [cut: only the first ${inMiB(capBytes)} of the answer is kept; the answer was ${size}${read.complete ? '' : ', and the rest was not read'}]`;
  return { body: masker.mask(text, keep) + note, cut: true };
}

export async function sendRequest(request: BuiltRequest, options: SendOptions): Promise<SendOutcome> {
  const { masker, timeoutMs = SEND_TIMEOUT_MS, capBytes = ANSWER_CAP_BYTES } = options;
  const started = Date.now();
  const stop = new AbortController();
  // One deadline for the answer and its body (a timer of our own: a timeout signal combined with another can be collected unfired).
  const timer = setTimeout(() => stop.abort(new DOMException('The answer took too long.', 'TimeoutError')), timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      // The bytes of the very string that was signed: no re-serialization on the way out.
      ...(request.body === null ? {} : { body: Buffer.from(request.body, 'utf8') }),
      redirect: 'manual',
      signal: stop.signal,
    });
    // Read past the cap by the longest echo, so one that crosses the cut is seen whole.
    const read = await readCapped(response.body, capBytes + 3 * masker.reach, () => stop.abort());
    const headers: HeaderPair[] = [...response.headers.entries()].map(([name, value]) => [name, masker.mask(value)]);
    const { body, cut } = answerText(read, capBytes, masker, response.headers.get('content-length'));
    return { ok: true, answer: { status: response.status, headers, body, json: cut ? undefined : parseAnswerJson(body), durationMs: Date.now() - started } };
  } catch (error) {
    return { ok: false, error: masker.mask(networkError(error, request.url, timeoutMs)), durationMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
