/** A replay as the editor builds it: which headers start the editor, what changed, the `replay.send` input. */
import type { ReplaySendInput } from '../../../src-shared/contract/replay.js';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { isMaskedCredentialValue } from '../../../src-shared/domain/credential-headers.js';
import { headersToLines, linesToHeaders } from './header-lines.js';

const isReplayMarker = (name: string) => name.toLowerCase() === 'x-gatewatch-replay';

/** The stored headers the editor starts from: not the replay marker (always added), not those shown only masked. */
export function editableHeaders(previewHeaders: readonly HeaderPair[]): { lines: string; maskedDropped: string[]; pairs: HeaderPair[] } {
  const maskedDropped = previewHeaders.filter(([, v]) => isMaskedCredentialValue(v)).map(([n]) => n);
  const skip = (name: string) => isReplayMarker(name) || maskedDropped.includes(name);
  return { lines: headersToLines(previewHeaders, skip), maskedDropped, pairs: previewHeaders.filter(([n]) => !skip(n)) as HeaderPair[] };
}

export interface HeaderEdit {
  /** The header set to send instead of the stored one; null when unchanged. */
  headers: Record<string, string> | null;
  /** As pairs, for the diff; null when unchanged. */
  pairs: HeaderPair[] | null;
  errors: string[];
}

export function headerEdit(lines: string, startedFrom: string): HeaderEdit {
  if (lines === startedFrom) return { headers: null, pairs: null, errors: [] };
  const parsed = linesToHeaders(lines);
  return { headers: parsed.headers, pairs: Object.entries(parsed.headers), errors: parsed.errors };
}

export function sendInput(
  base: { deliveryId: string; targetId: string; resign: boolean },
  body: string | undefined,
  headers: HeaderEdit | null,
): ReplaySendInput {
  return {
    ...base,
    ...(body !== undefined ? { body } : {}),
    ...(headers?.headers ? { headers: headers.headers } : {}),
  };
}
