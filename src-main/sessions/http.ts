/**
 * Sends a built request: the exact body bytes, 15 s timeout, redirects never followed (a
 * redirect is reported, since following one would re-send a signed request somewhere else).
 */
import type { HeaderPair } from '../../src-shared/domain/delivery.js';
import { parseLosslessJson } from '../providers/shared/lossless-json.js';
import type { BuiltRequest, ProviderAnswer } from './types.js';

export const SEND_TIMEOUT_MS = 15_000;
const MAX_RESPONSE_CHARS = 1_000_000;

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

export async function sendRequest(request: BuiltRequest, timeoutMs = SEND_TIMEOUT_MS): Promise<SendOutcome> {
  const started = Date.now();
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      // The bytes of the very string that was signed: no re-serialization on the way out.
      ...(request.body === null ? {} : { body: Buffer.from(request.body, 'utf8') }),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const headers: HeaderPair[] = [...response.headers.entries()];
    const body = text.length > MAX_RESPONSE_CHARS ? `${text.slice(0, MAX_RESPONSE_CHARS)}… (cut: ${text.length} characters)` : text;
    return { ok: true, answer: { status: response.status, headers, body, json: parseAnswerJson(text), durationMs: Date.now() - started } };
  } catch (error) {
    return { ok: false, error: networkError(error, request.url, timeoutMs), durationMs: Date.now() - started };
  }
}
