import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, httpStatusForCode, type ApiErrorBody } from '../../src-shared/contract/errors.js';
import { SECURITY_HEADERS } from './security.js';

/** How the console server answers: JSON, never cached, with the page's security headers. */
export function sendJson(response: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extraHeaders,
  });
  response.end(text);
}

export function sendError(response: ServerResponse, error: ApiError, extraHeaders: Record<string, string> = {}): void {
  const body: { error: ApiErrorBody } = { error: error.toBody() };
  sendJson(response, httpStatusForCode[error.code], body, extraHeaders);
}

export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw new ApiError('too_large', `Request body is over the ${limit}-byte limit.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** The body as JSON; an empty body is `{}`. */
export async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  const raw = await readBody(request, limit);
  if (raw.byteLength === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError('bad_request', 'The request body is not valid JSON.');
  }
}
