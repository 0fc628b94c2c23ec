import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';

/** Asked before every bulk replay (and every "retry failed"), with the count that will be sent. */
export function ConfirmBulk({
  target,
  count,
  what,
  concurrency,
  onConfirm,
  onCancel,
}: {
  target: Pick<ReplayTargetView, 'name' | 'url'> & { productionLike?: string | null };
  count: number;
  /** Which deliveries, in words. */
  what: string;
  concurrency: number;
  onConfirm(): void;
  onCancel(): void;
}) {
  const n = `${count.toLocaleString()} ${count === 1 ? 'delivery' : 'deliveries'}`;
  return (
    <ConfirmDialog title={`Replay ${n} to ${target.name}?`} confirmLabel={`Replay ${count.toLocaleString()}`} onConfirm={onConfirm} onCancel={onCancel}>
      <p>{what}</p>
      <p>
        To <code>{target.url}</code>, oldest first, {concurrency === 1 ? 'one at a time' : `${concurrency} at a time`}.
      </p>
      {target.productionLike ? <p className="state-error">{target.productionLike}: a replay there may reach a real provider.</p> : null}
      <p className="muted">Each send is logged; the job pauses by itself if the target stops answering.</p>
    </ConfirmDialog>
  );
}
