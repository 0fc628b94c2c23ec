// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { DeliveryReplayPanel } from '../../src-renderer/features/replay/DeliveryReplayPanel.js';
import { requestIntent, takeIntent } from '../../src-renderer/ui/intents.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { targetView as target } from '../replay/fixtures.js';
import { renderWithTransport } from '../replay/render.js';

afterEach(cleanup);

const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"pid-1"}}';
const delivery = {
  id: 'dlv_1',
  provider: 'paychant',
  eventType: 'PAYMENT_COMPLETED',
  reference: 'REF-1',
  body,
  headers: [['content-type', 'application/json']],
} as unknown as DeliveryDetail;

const answers = {
  'replay.preview': () => ({ headers: [['content-type', 'application/json']], originalBody: body, warnings: [], signatureHeaders: [] }),
  'replay.targets.list': () => ({ targets: [target()] }),
  'replay.attempts': () => ({ items: [] }),
};

describe('Replay… from the command palette', () => {
  it('opens the replay editor of the delivery’s panel, on screen already', async () => {
    renderWithTransport(<DeliveryReplayPanel delivery={delivery} />, answers);
    await screen.findByRole('button', { name: 'Edit and send…' });
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => requestIntent({ kind: 'replay', deliveryId: 'dlv_1' }));
    expect(await screen.findByRole('dialog', { name: 'Edit and replay PAYMENT_COMPLETED · REF-1' })).toBeTruthy();
  });

  it('or once the panel appears, but not for another delivery, and not after it lapsed', async () => {
    requestIntent({ kind: 'replay', deliveryId: 'dlv_1' });
    renderWithTransport(<DeliveryReplayPanel delivery={delivery} />, answers);
    expect(await screen.findByRole('dialog', { name: 'Edit and replay PAYMENT_COMPLETED · REF-1' })).toBeTruthy();
    requestIntent({ kind: 'replay', deliveryId: 'dlv_2' });
    expect(takeIntent('replay', 'dlv_1')).toBe(false);
    requestIntent({ kind: 'replay', deliveryId: 'dlv_1' }, Date.now() - 10_000);
    expect(takeIntent('replay', 'dlv_1')).toBe(false);
  });
});
