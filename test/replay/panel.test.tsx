// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { DeliveryReplayPanel } from '../../src-renderer/features/replay/DeliveryReplayPanel.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import { ConsoleError } from '../../src-renderer/transport/types.js';
import { attemptView as attempt, targetView as target } from './fixtures.js';
import { renderWithTransport, type TransportAnswers } from './render.js';

afterEach(cleanup);

const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"pid-1","fiatAmount":"170.00"}}';
const delivery = {
  id: 'dlv_1',
  provider: 'paychant',
  body,
  headers: [
    ['content-type', 'application/json'],
    ['paychant-signature', 'abc'],
  ],
} as unknown as DeliveryDetail;

const preview = (input: { body?: string }) => ({
  headers: [
    ['content-type', 'application/json'],
    ['paychant-signature', 'abc'],
    ['X-Gatewatch-Replay', 'dlv_1'],
  ],
  originalBody: body,
  warnings: input.body !== undefined && !input.body.includes('"event"') ? ['event: required'] : [],
  signatureHeaders: ['paychant-signature'],
});

const renderPanel = (answers: TransportAnswers) => renderWithTransport(<DeliveryReplayPanel delivery={delivery} />, { 'replay.preview': preview, ...answers });

describe('DeliveryReplayPanel', () => {
  it('shows past attempts with their outcome, and an edited body as a diff from the original', async () => {
    const edited = body.replace('PAYMENT_COMPLETED', 'PAYMENT_FAILED');
    renderPanel({
      'replay.targets.list': () => ({ targets: [target()] }),
      'replay.attempts': () => ({
        items: [
          attempt({
            id: 'rpa_2',
            bodyEdited: true,
            sentBody: edited,
            outcome: 'failed',
            error: 'the target answered HTTP 500 Internal Server Error',
            response: null,
          }),
          attempt(),
        ],
      }),
    });
    const list = await screen.findByRole('list', { name: 'Replay attempts' });
    expect(within(list).getByText('HTTP 202')).toBeTruthy();
    expect(within(list).getByText('failed · no answer')).toBeTruthy();
    fireEvent.click(list.querySelector('[data-attempt-id="rpa_2"] summary')!);
    const diff = within(list).getByLabelText('Body diff');
    const removed = [...diff.querySelectorAll('[data-diff="removed"]')].map((e) => e.textContent);
    const added = [...diff.querySelectorAll('[data-diff="added"]')].map((e) => e.textContent);
    expect(removed).toEqual(['-  "event": "PAYMENT_COMPLETED",']);
    expect(added).toEqual(['+  "event": "PAYMENT_FAILED",']);
    expect(within(list).getByText('the target answered HTTP 500 Internal Server Error')).toBeTruthy();
  });

  it('asks for confirmation before the first send to a target, then sends with confirm', async () => {
    const fake = renderPanel({
      'replay.targets.list': () => ({ targets: [target({ confirmedAt: null, needsConfirmation: true })] }),
      'replay.attempts': () => ({ items: [] }),
      'replay.send': () => attempt(),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send replay' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Send this webhook to Local staging?');
    expect(fake.calls.some((c) => c.name === 'replay.send')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await screen.findByText('Sent: Local staging answered HTTP 202.');
    expect(fake.calls.find((c) => c.name === 'replay.send')!.input).toEqual({ deliveryId: 'dlv_1', targetId: 'rpt_1', resign: false, confirm: true });
  });

  it('warns about a production-like target in the confirmation', async () => {
    renderPanel({
      'replay.targets.list': () => ({
        targets: [target({ needsConfirmation: true, productionLike: "api.calypso.finance looks like Calypso's production API (calypso.finance)" })],
      }),
      'replay.attempts': () => ({ items: [] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send replay' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/production API \(calypso\.finance\): a replay there may reach a real provider/);
  });

  it('shows the confirmation when the main process asks for it', async () => {
    let sends = 0;
    renderPanel({
      'replay.targets.list': () => ({ targets: [target()] }),
      'replay.attempts': () => ({ items: [] }),
      'replay.send': () => {
        sends++;
        throw new ConsoleError(new ApiError('conflict', 'Confirm sending').toBody());
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send replay' }));
    await screen.findByRole('alertdialog');
    expect(sends).toBe(1);
  });

  it('points to settings when there is no target', async () => {
    renderPanel({ 'replay.targets.list': () => ({ targets: [] }), 'replay.attempts': () => ({ items: [] }) });
    await screen.findByText(/No replay targets yet/);
  });
});
