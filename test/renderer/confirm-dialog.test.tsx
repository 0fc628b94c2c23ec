// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ConfirmDialog } from '../../src-renderer/ui/ConfirmDialog.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Asks when the button is pressed; says what was answered. */
function Asker({ onConfirm = () => {}, onCancel = () => {} }: { onConfirm?: () => void; onCancel?: () => void }) {
  const [asking, setAsking] = useState(false);
  const [answer, setAnswer] = useState('none');
  return (
    <>
      <button type="button" onClick={() => setAsking(true)}>
        Delete…
      </button>
      <output>{answer}</output>
      {asking ? (
        <ConfirmDialog
          title="Delete 3 deliveries?"
          confirmLabel="Delete"
          onConfirm={() => {
            onConfirm();
            setAnswer('confirmed');
            setAsking(false);
          }}
          onCancel={() => {
            onCancel();
            setAnswer('cancelled');
            setAsking(false);
          }}
        >
          <p>They are gone for good.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

const ask = () => {
  fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
  return screen.getByRole('alertdialog', { name: 'Delete 3 deliveries?' }) as HTMLDialogElement;
};

describe('ConfirmDialog', () => {
  it('opens as the platform modal dialog, named and described, with Cancel focused', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    render(<Asker />);
    const dialog = ask();
    expect(dialog.tagName).toBe('DIALOG');
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog.open).toBe(true);
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toBe('They are gone for good.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('confirms once, although closing the dialog fires close', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<Asker onConfirm={onConfirm} onCancel={onCancel} />);
    const dialog = ask();
    const closed = vi.fn();
    dialog.addEventListener('close', closed);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(closed).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('confirmed');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('cancels with the Cancel button', () => {
    const onCancel = vi.fn();
    render(<Asker onCancel={onCancel} />);
    ask();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('cancelled');
  });

  it('cancels on Escape: the cancel event a modal dialog gets, then its close', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<Asker onConfirm={onConfirm} onCancel={onCancel} />);
    const dialog = ask();
    // What the platform does on Escape (happy-dom has no close requests): cancel, then close.
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    dialog.close();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('cancelled');
  });

  it('cancels when something else closes the dialog', () => {
    const onCancel = vi.fn();
    render(<Asker onCancel={onCancel} />);
    ask().close();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  describe('without showModal', () => {
    const showModal = HTMLDialogElement.prototype.showModal;
    afterEach(() => {
      HTMLDialogElement.prototype.showModal = showModal;
    });

    it('still shows the dialog, cancels on Escape and confirms', () => {
      Reflect.deleteProperty(HTMLDialogElement.prototype, 'showModal');
      expect(typeof HTMLDialogElement.prototype.showModal).toBe('undefined');
      const onConfirm = vi.fn();
      const onCancel = vi.fn();
      render(<Asker onConfirm={onConfirm} onCancel={onCancel} />);
      let dialog = ask();
      expect(dialog.open).toBe(true);
      fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
      expect(onCancel).toHaveBeenCalledTimes(1);
      expect(screen.queryByRole('alertdialog')).toBeNull();
      dialog = ask();
      expect(dialog.open).toBe(true);
      fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
      expect(onConfirm).toHaveBeenCalledTimes(1);
      expect(onCancel).toHaveBeenCalledTimes(1);
    });
  });
});
