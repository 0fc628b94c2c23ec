/** Contract-shaped replay values for component tests. */
import type { ReplayAttempt, ReplayJob, ReplayTargetView } from '../../src-shared/contract/replay.js';

export const targetView = (extra: Partial<ReplayTargetView> = {}): ReplayTargetView => ({
  id: 'rpt_1',
  name: 'Local staging',
  url: 'http://127.0.0.1:9999/hook',
  provider: 'paychant',
  timeoutMs: 15000,
  forwardCredentialHeaders: false,
  hasSigningSecret: true,
  signingSecretMasked: '••••abcd',
  signingKey: null,
  confirmedAt: '2026-01-01T00:00:00.000Z',
  productionLike: null,
  needsConfirmation: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

export const attemptView = (extra: Partial<ReplayAttempt> = {}): ReplayAttempt => ({
  id: 'rpa_1',
  deliveryId: 'dlv_1',
  provider: 'paychant',
  target: { id: 'rpt_1', name: 'Local staging', url: 'http://127.0.0.1:9999/hook' },
  jobId: null,
  sentHeaders: [
    ['content-type', 'application/json'],
    ['X-Gatewatch-Replay', 'dlv_1'],
  ],
  sentBody: null,
  bodyEdited: false,
  headersEdited: false,
  sentBodySha256: 'f'.repeat(64),
  resigned: false,
  startedAt: new Date().toISOString(),
  finishedAt: new Date().toISOString(),
  durationMs: 12,
  outcome: 'ok',
  response: { status: 202, statusText: 'Accepted', headers: [], body: '{"received":true}', bodyTruncated: false, size: 17 },
  error: null,
  ...extra,
});

export const jobView = (extra: Partial<ReplayJob> = {}): ReplayJob => ({
  id: 'rpj_1',
  target: { id: 'rpt_1', name: 'Local staging', url: 'http://127.0.0.1:9999/hook' },
  state: 'running',
  concurrency: 1,
  resigned: false,
  total: 4,
  succeeded: 0,
  failed: 0,
  skipped: 0,
  startedAt: new Date().toISOString(),
  finishedAt: null,
  lastError: null,
  pausedReason: null,
  retryOf: null,
  ...extra,
});
