import { useId, useMemo, useState } from 'react';
import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { isMaskedCredentialValue } from '../../../src-shared/domain/credential-headers.js';
import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { ConsoleError } from '../../transport/types.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { AttemptList } from './AttemptList.js';
import { ConfirmSend } from './ConfirmSend.js';
import { ReplayEditor, type ReplayEdit } from './ReplayEditor.js';
import { headersToLines, linesToHeaders } from './header-lines.js';
import { useDebounced } from './useDebounced.js';
import { useReplayAttempts, useReplayPreview, useReplayProgress, useSendReplay } from './useReplay.js';
import { TargetSelect, WithReplayTargets } from './TargetPicker.js';
import './replay.css';

const isReplayMarker = (name: string) => name.toLowerCase() === 'x-gatewatch-replay';

/** Replay this delivery to a saved target, optionally edited and re-signed; its past attempts. */
export function DeliveryReplayPanel({ delivery }: { delivery: DeliveryDetail }) {
  useReplayProgress(); // a bulk job may replay this delivery while it is open
  const attempts = useReplayAttempts({ deliveryId: delivery.id });
  const [edit, setEdit] = useState<ReplayEdit | null>(null);
  const editedBody = edit && edit.body !== delivery.body ? edit.body : undefined;
  const preview = useReplayPreview(delivery.id, useDebounced(editedBody));

  const defaultHeaders = preview.data?.headers;
  const original = useMemo(() => ({ body: delivery.body, headers: defaultHeaders ?? [] }), [delivery.body, defaultHeaders]);
  return (
    <section className="panel replay-panel" aria-label="Replay">
      <h3>Replay</h3>
      <WithReplayTargets>
        {(targets) => (
          <SendForm delivery={delivery} targets={targets} edit={edit} setEdit={setEdit} editedBody={editedBody} preview={preview.data} />
        )}
      </WithReplayTargets>
      <h4>Past replays</h4>
      {attempts.isPending ? <Loading label="Loading replays…" /> : null}
      {attempts.isError ? <ErrorState error={attempts.error} /> : null}
      {attempts.data ? <AttemptList attempts={attempts.data.items} original={original} /> : null}
    </section>
  );
}

function SendForm({
  delivery,
  targets,
  edit,
  setEdit,
  editedBody,
  preview,
}: {
  delivery: DeliveryDetail;
  targets: ReplayTargetView[];
  edit: ReplayEdit | null;
  setEdit(edit: ReplayEdit | null): void;
  editedBody: string | undefined;
  preview: ReturnType<typeof useReplayPreview>['data'];
}) {
  const send = useSendReplay();
  const preferred = targets.find((t) => t.provider === delivery.provider) ?? targets[0]!;
  const [targetId, setTargetId] = useState(preferred.id);
  const [resign, setResign] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const targetFieldId = useId();
  const target = targets.find((t) => t.id === targetId) ?? preferred;
  const defaultHeaders = preview?.headers ?? [];
  const maskedDropped = defaultHeaders.filter(([, v]) => isMaskedCredentialValue(v)).map(([n]) => n);
  const headerEdit = edit ? linesToHeaders(edit.headerLines) : null;
  const headersChanged = edit !== null && edit.headerLines !== headersToLines(defaultHeaders, (n) => isReplayMarker(n) || maskedDropped.includes(n));
  const canEdit = delivery.body !== null;
  const canSend = (delivery.body !== null || editedBody !== undefined) && !(headerEdit && headerEdit.errors.length > 0) && !send.isPending;

  const submit = (confirm: boolean) => {
    setConfirming(false);
    send.mutate(
      {
        deliveryId: delivery.id,
        targetId: target.id,
        resign,
        confirm,
        ...(editedBody !== undefined ? { body: editedBody } : {}),
        ...(headersChanged && headerEdit ? { headers: headerEdit.headers } : {}),
      },
      { onError: (error) => error instanceof ConsoleError && error.code === 'conflict' && setConfirming(true) },
    );
  };

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (target.needsConfirmation) setConfirming(true);
        else submit(false);
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
      {resign && preview && preview.signatureHeaders.length > 0 ? (
        <p className="muted">Replaces {preview.signatureHeaders.join(', ')}.</p>
      ) : null}
      <label className="row">
        <input
          type="checkbox"
          checked={edit !== null}
          disabled={!canEdit}
          onChange={(e) =>
            setEdit(
              e.target.checked
                ? { body: delivery.body ?? '', headerLines: headersToLines(defaultHeaders, (n) => isReplayMarker(n) || maskedDropped.includes(n)) }
                : null,
            )
          }
        />
        Edit before sending
      </label>
      {edit ? (
        <ReplayEditor
          edit={edit}
          onChange={setEdit}
          warnings={preview?.warnings ?? []}
          headerErrors={headerEdit?.errors ?? []}
          maskedDropped={maskedDropped}
        />
      ) : null}
      <button type="submit" disabled={!canSend}>
        {send.isPending ? 'Sending…' : editedBody !== undefined ? 'Send edited replay' : 'Send replay'}
      </button>
      {confirming ? <ConfirmSend target={target} count={1} onConfirm={() => submit(true)} onCancel={() => setConfirming(false)} /> : null}
      {send.isError && !(send.error instanceof ConsoleError && send.error.code === 'conflict') ? <ErrorState error={send.error} /> : null}
      {send.data ? (
        <p className={send.data.outcome === 'ok' ? 'replay-result-ok' : 'state-error'} role="status">
          {send.data.outcome === 'ok'
            ? `Sent: ${target.name} answered HTTP ${send.data.response?.status}.`
            : `Failed: ${send.data.error}`}
        </p>
      ) : null}
    </form>
  );
}
