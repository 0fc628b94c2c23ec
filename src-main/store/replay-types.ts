import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { ReplayAttempt } from '../../src-shared/contract/replay.js';

/** An allow-listed replay target. Its signing secret lives in the vault, not here. */
export interface ReplayTargetRecord {
  id: string;
  name: string;
  url: string;
  provider: ProviderId | null;
  timeoutMs: number;
  /** Replays send the provider's Authorization, Cookie… headers too (off: they are dropped). */
  forwardCredentialHeaders: boolean;
  confirmedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One send to a target, exactly as the contract shows it (masked headers, capped response). */
export type ReplayAttemptRecord = ReplayAttempt & { targetId: string };

export interface ReplayAttemptQuery {
  deliveryId?: string;
  targetId?: string;
  jobId?: string;
  limit: number;
}

/** Replay targets and attempts. */
export interface ReplayStore {
  listTargets(): Promise<ReplayTargetRecord[]>;
  getTarget(id: string): Promise<ReplayTargetRecord | null>;
  /** Inserts or replaces by id. */
  putTarget(target: ReplayTargetRecord): Promise<void>;
  removeTarget(id: string): Promise<boolean>;
  insertAttempt(attempt: ReplayAttemptRecord): Promise<void>;
  /** Newest first. */
  listAttempts(query: ReplayAttemptQuery): Promise<ReplayAttemptRecord[]>;
  /** Every attempt for these deliveries, oldest first (timelines). */
  attemptsForDeliveries(deliveryIds: readonly string[]): Promise<ReplayAttemptRecord[]>;
}
