import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';

/** Asks before a send to a target not confirmed yet, or one that looks like a production API. */
export function ConfirmSend({
  target,
  count,
  onConfirm,
  onCancel,
}: {
  target: ReplayTargetView;
  /** How many webhooks; undefined when a filter decides (bulk). */
  count?: number;
  onConfirm(): void;
  onCancel(): void;
}) {
  const what = count === undefined ? 'the matching webhooks' : count === 1 ? 'this webhook' : `${count.toLocaleString()} webhooks`;
  return (
    <ConfirmDialog title={`Send ${what} to ${target.name}?`} confirmLabel="Send" onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        <code>{target.url}</code>
      </p>
      {target.productionLike ? (
        <p className="state-error">{target.productionLike}: a replay there may reach a real provider.</p>
      ) : (
        <p className="muted">Nothing has been sent to this target yet. Once you confirm, later sends go without asking.</p>
      )}
    </ConfirmDialog>
  );
}
