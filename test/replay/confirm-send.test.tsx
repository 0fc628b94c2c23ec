// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ConfirmSend } from '../../src-renderer/features/replay/ConfirmSend.js';
import { targetView as target } from './fixtures.js';

afterEach(cleanup);

describe('ConfirmSend', () => {
  it('asks in a modal <dialog> how many webhooks go where, Cancel first', () => {
    render(<ConfirmSend target={target()} count={3} onConfirm={() => {}} onCancel={() => {}} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Send 3 webhooks to Local staging?' }) as HTMLDialogElement;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('http://127.0.0.1:9999/hook');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('warns about a production-like target, and sends only when confirmed', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<ConfirmSend target={target({ productionLike: 'api.example.com looks like production' })} onConfirm={onConfirm} onCancel={onCancel} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Send the matching webhooks to Local staging?' });
    expect(dialog.textContent).toContain('api.example.com looks like production: a replay there may reach a real provider.');
    fireEvent(dialog, new Event('cancel'));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
