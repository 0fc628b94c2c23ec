import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { ErrorState } from '../../ui/States.js';
import { ConfirmSend } from './ConfirmSend.js';
import { DiffView } from './DiffView.js';
import { ReplayEditor } from './ReplayEditor.js';
import { TargetSelect } from './TargetPicker.js';
import { bodyDiff, headerDiff } from './body-diff.js';
import { bodyToSend, startBodyEdit } from './body-edit.js';
import { editableHeaders, headerEdit, sendInput } from './replay-request.js';
import { useConfirmedSend } from './useConfirmedSend.js';
import { useDebounced } from '../../ui/useDebounced.js';
import { useReplayPreview } from './useReplay.js';

/**
 * Edit a replay with room: a modal as wide as the window, the body (raw, or pretty) and headers
 * on one side, what will change against the stored request beside it as it is typed, the target
 * chosen here. Escape or Close leaves without sending.
 */
export function ReplayEditorDialog({
  delivery,
  targets,
  initialTargetId,
  initialResign,
  onClose,
}: {
  delivery: DeliveryDetail & { body: string };
  targets: ReplayTargetView[];
  initialTargetId: string;
  initialResign: boolean;
  onClose(): void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), target: useId() };
  const original = delivery.body;
  const [targetId, setTargetId] = useState(initialTargetId);
  const [resign, setResign] = useState(initialResign);
  const [body, setBody] = useState(() => startBodyEdit(original));
  const sentBody = bodyToSend(body, original);
  const preview = useReplayPreview(delivery.id, useDebounced(sentBody));
  const start = useMemo(() => editableHeaders(preview.data?.headers ?? []), [preview.data?.headers]);
  const [headerLines, setHeaderLines] = useState<string | null>(null);
  const lines = headerLines ?? start.lines;
  const headers = headerEdit(lines, start.lines);
  const sending = useConfirmedSend();
  const target = targets.find((t) => t.id === targetId) ?? targets[0]!;

  // The diff follows the typing, a moment behind it (a large body is not re-diffed per key).
  const shownBody = useDebounced(sentBody, 150);
  const diffs = useMemo(
    () => ({
      body: shownBody === undefined ? null : bodyDiff(original, shownBody, { oldHeader: 'stored', newHeader: 'to send' }),
      headers: headers.pairs ? headerDiff(start.pairs, headers.pairs, { oldHeader: 'stored', newHeader: 'to send' }) : null,
    }),
    [original, shownBody, headers.pairs, start.pairs],
  );

  useLayoutEffect(() => {
    const dialog = dialogRef.current!;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, []);

  const canSend = preview.data !== undefined && headers.errors.length === 0 && !sending.send.isPending;
  const changed = sentBody !== undefined || headers.headers !== null;
  const name = [delivery.eventType, delivery.reference].filter(Boolean).join(' · ') || delivery.id;

  return (
    <dialog
      ref={dialogRef}
      className="replay-editor-dialog"
      aria-labelledby={ids.title}
      onCancel={(event) => {
        // Escape in the confirmation on top is that dialog's (React passes it up the tree).
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <form
        className="replay-editor-layout"
        onSubmit={(event) => {
          event.preventDefault();
          sending.submit(sendInput({ deliveryId: delivery.id, targetId: target.id, resign }, sentBody, headers), target);
        }}
      >
        <header className="replay-editor-top">
          <h2 id={ids.title}>Edit and replay {name}</h2>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="replay-editor-target row">
          <label htmlFor={ids.target}>Send to</label>
          <TargetSelect id={ids.target} label="Target" targets={targets} value={target.id} onChange={setTargetId} />
          <label className="row">
            <input type="checkbox" checked={resign} disabled={!target.hasSigningSecret} onChange={(e) => setResign(e.target.checked)} />
            Re-sign with the target's secret
          </label>
          {resign && preview.data && preview.data.signatureHeaders.length > 0 ? (
            <span className="muted">Replaces {preview.data.signatureHeaders.join(', ')}.</span>
          ) : null}
        </div>
        {target.productionLike ? <p className="state-error">{target.productionLike}</p> : null}
        <div className="replay-editor-columns">
          <ReplayEditor
            original={original}
            body={body}
            onBody={setBody}
            headerLines={lines}
            onHeaderLines={setHeaderLines}
            warnings={preview.data?.warnings ?? []}
            headerErrors={headers.errors}
            maskedDropped={start.maskedDropped}
          />
          <section className="replay-editor-diff" aria-label="Changes before sending" aria-live="polite">
            <h3>What changes</h3>
            {!changed ? <p className="muted">Nothing yet: the stored request is sent as received.</p> : null}
            {diffs.body ? (
              <>
                <h4>Body</h4>
                <DiffView diff={diffs.body} label="Body changes" />
              </>
            ) : null}
            {diffs.headers ? (
              <>
                <h4>Headers</h4>
                <DiffView diff={diffs.headers} label="Header changes" />
              </>
            ) : null}
          </section>
        </div>
        <footer className="replay-editor-actions">
          {sending.send.data ? (
            <p className={sending.send.data.outcome === 'ok' ? 'replay-result-ok' : 'state-error'} role="status">
              {sending.send.data.outcome === 'ok'
                ? `Sent: ${sending.send.data.target.name} answered HTTP ${sending.send.data.response?.status}.`
                : `Failed: ${sending.send.data.error}`}
            </p>
          ) : null}
          {sending.error ? <ErrorState error={sending.error} /> : null}
          <button type="submit" className="primary" disabled={!canSend}>
            {sending.send.isPending ? 'Sending…' : changed ? `Send edited replay to ${target.name}` : `Send replay to ${target.name}`}
          </button>
        </footer>
      </form>
      {sending.pending ? <ConfirmSend target={target} count={1} onConfirm={sending.confirm} onCancel={sending.cancel} /> : null}
    </dialog>
  );
}
