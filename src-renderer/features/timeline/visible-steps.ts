import type { TimelineEntry } from '../../../src-shared/contract/timeline.js';
import { collapseRetries } from '../../ui/retries.js';

export interface VisibleStep {
  step: TimelineEntry;
  /** Retries of this step collapsed under it (or, shown, listed after it). */
  retries: number;
  /** Milliseconds since the previous step shown; null for the first. */
  gapMs: number | null;
}

/** The steps to draw: retries under their original unless shown, each gap measured from the step drawn before it. */
export function visibleSteps(steps: readonly TimelineEntry[], showRetries: boolean): VisibleStep[] {
  const shown = collapseRetries(
    steps,
    (s) => s.key,
    (s) => s.retryOf,
    showRetries,
  );
  return shown.map(({ item, retries }, index) => {
    const previous = shown[index - 1]?.item;
    return { step: item, retries, gapMs: previous ? Math.max(0, Date.parse(item.at) - Date.parse(previous.at)) : null };
  });
}
