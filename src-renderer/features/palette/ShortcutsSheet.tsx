import { useId, useLayoutEffect, useRef } from 'react';
import { isMac, keyLabels, SHORTCUTS } from '../../ui/shortcuts.js';
import './palette.css';

/** `?`: every shortcut, from the one table the handlers read, in a modal dialog Escape closes. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const mac = isMac(navigator.platform ?? '');
  useLayoutEffect(() => {
    const dialog = dialogRef.current!;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    closeRef.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="shortcuts-sheet"
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && typeof dialogRef.current?.showModal !== 'function') onClose();
      }}
    >
      <div className="shortcuts-head">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <button type="button" ref={closeRef} onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What it does</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>
                {keyLabels(s, mac).map((label, index) => (
                  <span key={label}>
                    {index > 0 ? ' or ' : null}
                    <kbd>{label}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.does}</td>
              <td className="muted">{s.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
