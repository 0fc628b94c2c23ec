import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';

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
  return (
    <div className="replay-confirm" role="alertdialog" aria-modal="true" aria-labelledby="replay-confirm-title">
      <h4 id="replay-confirm-title">
        Send {count === undefined ? 'the matching webhooks' : count === 1 ? 'this webhook' : `${count.toLocaleString()} webhooks`} to {target.name}?
      </h4>
      <p>
        <code>{target.url}</code>
      </p>
      {target.productionLike ? (
        <p className="state-error">{target.productionLike}: a replay there may reach a real provider.</p>
      ) : (
        <p className="muted">Nothing has been sent to this target yet. Once you confirm, later sends go without asking.</p>
      )}
      <div className="row">
        <button type="button" className="danger" onClick={onConfirm}>
          Send
        </button>
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}
