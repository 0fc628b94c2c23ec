/** A bulk job's progress as the bar draws it and the line says it. */
import type { ReplayJob } from '../../../src-shared/contract/replay.js';

export interface ProgressSegment {
  kind: 'ok' | 'failed' | 'skipped';
  /** Share of the whole bar, 0–100. */
  percent: number;
  count: number;
}

/** Sent ok (green), failed (red), skipped (grey), in that order; the rest of the bar is what is still to go. */
export function progressSegments(job: Pick<ReplayJob, 'total' | 'succeeded' | 'failed' | 'skipped'>): ProgressSegment[] {
  const total = Math.max(1, job.total);
  return (
    [
      ['ok', job.succeeded],
      ['failed', job.failed],
      ['skipped', job.skipped],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => ({ kind, count, percent: (count / total) * 100 }));
}

export const doneCount = (job: Pick<ReplayJob, 'succeeded' | 'failed' | 'skipped'>) => job.succeeded + job.failed + job.skipped;

const STATE_WORDS: Record<ReplayJob['state'], string> = {
  running: 'running',
  paused: 'paused',
  cancelling: 'cancelling',
  cancelled: 'cancelled',
  finished: 'finished',
};

export function progressLine(job: ReplayJob): string {
  return `${STATE_WORDS[job.state]} · ${doneCount(job)} of ${job.total} · ${job.succeeded} ok · ${job.failed} failed · ${job.skipped} skipped`;
}

/** Whether "retry failed only" is offered: the job has stopped and something failed. */
export const canRetryFailed = (job: ReplayJob) => job.finishedAt !== null && job.failed > 0;

/**
 * Which of two views of one job is the later: an answer to a call (cancel, resume) can arrive
 * after the pushed progress it preceded, and must not take the job back (a finished job shown as
 * "cancelling" again, fewer sends done).
 */
export function laterJob(current: ReplayJob | undefined, incoming: ReplayJob): ReplayJob {
  if (!current) return incoming;
  if (current.finishedAt !== null && incoming.finishedAt === null) return current;
  if (doneCount(incoming) < doneCount(current)) return current;
  return incoming;
}
