/** Turns the outcome of one send into the attempt that is stored, audited and shown. */
import { createHash } from 'node:crypto';
import type { ReplayAttempt, ReplayResponse } from '../../src-shared/contract/replay.js';
import type { TargetAnswer } from './http-send.js';

export function responseOf(answer: TargetAnswer): ReplayResponse {
  return {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
    // Not fatal: a non-UTF-8 answer is still worth seeing, with replacement characters.
    body: new TextDecoder('utf-8').decode(answer.body),
    bodyTruncated: answer.bodyTruncated,
    size: answer.body.length,
  };
}

/** Why a complete answer still counts as a failure, or null for a 2xx. */
export function failureOfAnswer(answer: TargetAnswer): string | null {
  if (answer.status >= 200 && answer.status < 300) return null;
  const status = `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
    return `the target answered ${status}${location ? ` with a redirect to ${location}` : ''}; redirects are not followed`;
  }
  return `the target answered ${status}`;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** One line for the audit log and the timeline. */
export function outcomeLine(attempt: Pick<ReplayAttempt, 'outcome' | 'response' | 'error' | 'durationMs'>): string {
  if (attempt.outcome === 'ok' && attempt.response) return `HTTP ${attempt.response.status} in ${attempt.durationMs} ms`;
  return `failed: ${attempt.error ?? 'unknown error'}`;
}
