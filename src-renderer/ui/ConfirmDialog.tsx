import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import './confirm-dialog.css';

/**
 * Asks before something that cannot be taken back, in the platform's modal `<dialog>`: the rest
 * of the page is inert while it is open (focus stays inside), Escape cancels, and closing gives
 * focus back to where it was. Cancel has the focus first. Mount it to ask; it is gone once
 * answered (the parent stops rendering it in onConfirm / onCancel).
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const modal = useRef(true);
  const answered = useRef(false);

  useLayoutEffect(() => {
    const dialog = dialogRef.current!;
    if (!dialog.open) modal.current = openModal(dialog);
    cancelRef.current?.focus();
  }, []);

  /** Only the first answer counts: closing the dialog ourselves fires `close` again. */
  const answer = (choice: () => void) => {
    if (answered.current) return;
    answered.current = true;
    const dialog = dialogRef.current;
    if (dialog?.open) dialog.close();
    choice();
  };

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      // Escape (or any other close request) on a modal dialog: the platform fires cancel, then close.
      onCancel={() => answer(onCancel)}
      onClose={() => answer(onCancel)}
      onKeyDown={(event) => {
        // Without showModal nothing closes the dialog on Escape: do it here.
        if (event.key === 'Escape' && !modal.current) {
          event.preventDefault();
          answer(onCancel);
        }
      }}
    >
      <h4 id={titleId} className="confirm-dialog-title">
        {title}
      </h4>
      {children ? (
        <div id={bodyId} className="confirm-dialog-body">
          {children}
        </div>
      ) : null}
      <div className="confirm-dialog-actions">
        <button type="button" className="danger" onClick={() => answer(onConfirm)}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={() => answer(onCancel)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/** showModal where the platform has it (true); otherwise the dialog is only shown, with the `open` attribute (false). */
function openModal(dialog: HTMLDialogElement): boolean {
  if (typeof dialog.showModal === 'function') {
    dialog.showModal();
    return true;
  }
  dialog.setAttribute('open', '');
  return false;
}
