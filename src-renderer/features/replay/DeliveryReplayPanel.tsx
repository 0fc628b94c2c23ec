import { useId, useMemo, useState } from 'react';
import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useIntent } from '../../ui/intents.js';
import { AttemptList } from './AttemptList.js';
import { ConfirmSend } from './ConfirmSend.js';
import { ReplayEditorDialog } from './ReplayEditorDialog.js';
import { useConfirmedSend } from './useConfirmedSend.js';
import { useReplayAttempts, useReplayPreview, useReplayProgress } from './useReplay.js';
import { TargetSelect, WithReplayTargets } from './TargetPicker.js';
import { useRefusal } from '../../app/identity.js';
import { ReplayRefusedPanel } from './ReplayRefusedPanel.js';
import './replay.css';

/** Replay this delivery to a saved target as received, or edited first (in a full-width editor); its past attempts. */
export function DeliveryReplayPanel({ delivery }: { delivery: DeliveryDetail }) {
  const refusal = useRefusal('replay.send');
  return refusal ? <ReplayRefusedPanel delivery={delivery} refusal={refusal} /> : <ReplayPanel delivery={delivery} />;
}

function ReplayPanel({ delivery }: { delivery: DeliveryDetail }) {
  useReplayProgress(); // a bulk job may replay this delivery while it is open
  const attempts = useReplayAttempts({ deliveryId: delivery.id });
  const preview = useReplayPreview(delivery.id, undefined);
  const defaultHeaders = preview.data?.headers;
  const original = useMemo(() => ({ body: delivery.body, headers: defaultHeaders ?? [] }), [delivery.body, defaultHeaders]);
  return (
    <section className="panel replay-panel" aria-label="Replay">
      <h3>Replay</h3>
      <WithReplayTargets>
        {(targets) => <SendForm delivery={delivery} targets={targets} signatureHeaders={preview.data?.signatureHeaders ?? []} />}
      </WithReplayTargets>
      <h4>Past replays</h4>
      {attempts.isPending ? <Loading label="Loading replays…" /> : null}
      {attempts.isError ? <ErrorState error={attempts.error} /> : null}
      {attempts.data ? <AttemptList attempts={attempts.data.items} original={original} /> : null}
    </section>
  );
}

function SendForm({ delivery, targets, signatureHeaders }: { delivery: DeliveryDetail; targets: ReplayTargetView[]; signatureHeaders: string[] }) {
  const sending = useConfirmedSend();
  const preferred = targets.find((t) => t.provider === delivery.provider) ?? targets[0]!;
  const [targetId, setTargetId] = useState(preferred.id);
  const [resign, setResign] = useState(false);
  const [editing, setEditing] = useState(false);
  const targetFieldId = useId();
  const target = targets.find((t) => t.id === targetId) ?? preferred;
  const body = delivery.body;
  // "Replay…" from the command palette opens the editor here.
  useIntent('replay', delivery.id, () => body !== null && setEditing(true));

  return (
    <>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          sending.submit({ deliveryId: delivery.id, targetId: target.id, resign }, target);
        }}
      >
        <label htmlFor={targetFieldId}>Target</label>
        <TargetSelect id={targetFieldId} label="Replay target" targets={targets} value={target.id} onChange={setTargetId} />
        {target.productionLike ? <p className="state-error">{target.productionLike}</p> : null}
        <label className="row">
          <input type="checkbox" checked={resign} disabled={!target.hasSigningSecret} onChange={(e) => setResign(e.target.checked)} />
          Re-sign with the target's secret
          {!target.hasSigningSecret ? <span className="muted"> (this target has no signing secret)</span> : null}
        </label>
        {resign && signatureHeaders.length > 0 ? <p className="muted">Replaces {signatureHeaders.join(', ')}.</p> : null}
        <div className="row">
          <button type="submit" disabled={delivery.body === null || sending.send.isPending}>
            {sending.send.isPending ? 'Sending…' : 'Send replay'}
          </button>
          <button
            type="button"
            disabled={body === null}
            onClick={() => setEditing(true)}
            title={body === null ? 'Only a UTF-8 body can be edited here' : undefined}
          >
            Edit and send…
          </button>
        </div>
        {sending.error ? <ErrorState error={sending.error} /> : null}
        {sending.send.data ? (
          <p className={sending.send.data.outcome === 'ok' ? 'replay-result-ok' : 'state-error'} role="status">
            {sending.send.data.outcome === 'ok'
              ? `Sent: ${target.name} answered HTTP ${sending.send.data.response?.status}.`
              : `Failed: ${sending.send.data.error}`}
          </p>
        ) : null}
      </form>
      {sending.pending ? <ConfirmSend target={target} count={1} onConfirm={sending.confirm} onCancel={sending.cancel} /> : null}
      {editing && body !== null ? (
        <ReplayEditorDialog
          delivery={{ ...delivery, body }}
          targets={targets}
          initialTargetId={target.id}
          initialResign={resign}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </>
  );
}
