// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReplayTargetsSettings } from '../../src-renderer/features/replay/ReplayTargetsSettings.js';
import { AuditPage } from '../../src-renderer/features/audit/AuditPage.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';
import { targetView } from './fixtures.js';
import { renderWithTransport as renderWith } from './render.js';

afterEach(cleanup);

const target = targetView();

describe('ReplayTargetsSettings', () => {
  it('lists targets with only whether a secret is set, and saves a new one with its secret', async () => {
    const fake = renderWith(<ReplayTargetsSettings />, {
      'replay.targets.list': () => ({ targets: [target] }),
      'replay.targets.save': (input) => ({ ...target, id: 'rpt_2', name: input.name, url: input.url }),
    });
    const row = await screen.findByText('Local staging');
    expect(row.closest('tr')!.textContent).toContain('set (••••abcd)');
    fireEvent.click(screen.getByRole('button', { name: 'Add a replay target' }));
    fireEvent.change(screen.getByLabelText('Target name'), { target: { value: 'Second' } });
    fireEvent.change(screen.getByLabelText('Target URL'), { target: { value: 'http://127.0.0.1:4000/h' } });
    fireEvent.change(screen.getByLabelText('Timeout'), { target: { value: '2.5' } });
    fireEvent.change(screen.getByLabelText('Signing secret'), { target: { value: 'new-secret-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'replay.targets.save')).toBe(true));
    expect(fake.calls.find((c) => c.name === 'replay.targets.save')!.input).toEqual({
      name: 'Second',
      url: 'http://127.0.0.1:4000/h',
      provider: null,
      timeoutMs: 2500,
      forwardCredentialHeaders: false,
      signingSecret: 'new-secret-1234',
    });
  });

  it('in a browser, lets forwarding be kept or turned off but not turned on, and says where it can', async () => {
    renderWith(<ReplayTargetsSettings />, {
      'replay.targets.list': () => ({ targets: [target, targetView({ id: 'rpt_9', name: 'Keeps credentials', forwardCredentialHeaders: true })] }),
    });
    fireEvent.click(within((await screen.findByText('Local staging')).closest('tr')!).getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('checkbox', { name: /Forward credential headers/ }) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(screen.getByText(/Turning this on is possible only in the desktop app\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(screen.getByText('Keeps credentials').closest('tr')!).getByRole('button', { name: 'Edit' }));
    expect((screen.getByRole('checkbox', { name: /Forward credential headers/ }) as HTMLInputElement).disabled).toBe(false);
  });

  it('shows whether a target gets credential headers and saves the choice (off unless ticked) on the desktop', async () => {
    const fake = renderWith(
      <ReplayTargetsSettings />,
      {
        'replay.targets.list': () => ({ targets: [target, targetView({ id: 'rpt_9', name: 'Keeps credentials', forwardCredentialHeaders: true })] }),
        'replay.targets.save': () => target,
      },
      'ipc',
    );
    expect((await screen.findByText('Local staging')).closest('tr')!.textContent).toContain('dropped');
    expect(screen.getByText('Keeps credentials').closest('tr')!.textContent).toContain('forwarded');
    fireEvent.click(within(screen.getByText('Local staging').closest('tr')!).getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('checkbox', { name: /Forward credential headers \(Authorization, Cookie/ }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'replay.targets.save')).toBe(true));
    expect(fake.calls.find((c) => c.name === 'replay.targets.save')!.input).toMatchObject({ id: 'rpt_1', forwardCredentialHeaders: true });
  });

  it('edits a target keeping its secret when the field is left empty, and removes after a second click', async () => {
    const fake = renderWith(<ReplayTargetsSettings />, {
      'replay.targets.list': () => ({ targets: [target] }),
      'replay.targets.save': () => target,
      'replay.targets.remove': () => ({ removed: true }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect((screen.getByLabelText('Signing secret') as HTMLInputElement).placeholder).toBe('leave empty to keep');
    fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'replay.targets.save')).toBe(true));
    expect(fake.calls.find((c) => c.name === 'replay.targets.save')!.input).not.toHaveProperty('signingSecret');
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.click(screen.getByRole('button', { name: 'Really remove Local staging?' }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'replay.targets.remove')?.input).toEqual({ id: 'rpt_1' }));
  });
});

describe('AuditPage', () => {
  const entry = (id: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
    id,
    at: '2026-03-01T10:00:00.000Z',
    actor: 'support',
    action: 'replay.send',
    subject: 'dlv_1',
    summary: 'Replayed dlv_1 to "Local staging" (http://127.0.0.1:9999/hook): HTTP 202 in 12 ms',
    details: { status: 202 },
    ...extra,
  });

  it('lists entries, links deliveries, filters by action and pages back', async () => {
    const fake = renderWith(<AuditPage />, {
      'audit.list': (input) =>
        input.cursor
          ? { items: [entry('aud_old', { summary: 'older entry' })], nextCursor: null }
          : { items: [entry('aud_1')], nextCursor: input.action ? null : '5' },
    });
    const summary = await screen.findByText(/Replayed dlv_1 to "Local staging"/);
    expect(summary.closest('tr')!.querySelector('a')!.getAttribute('href')).toBe('#/deliveries/dlv_1');
    fireEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    await screen.findByText('older entry');
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'replay.send' } });
    await waitFor(() => expect(fake.calls.some((c) => (c.input as { action?: string }).action === 'replay.send')).toBe(true));
  });

  it('says when nothing is recorded', async () => {
    renderWith(<AuditPage />, { 'audit.list': () => ({ items: [], nextCursor: null }) });
    await screen.findByText('Nothing recorded yet.');
  });
});
