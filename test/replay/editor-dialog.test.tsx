// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DeliveryReplayPanel } from '../../src-renderer/features/replay/DeliveryReplayPanel.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { attemptView as attempt, targetView as target } from './fixtures.js';
import { renderWithTransport, type TransportAnswers } from './render.js';

afterEach(cleanup);

/** As a provider sends it: one line, an amount with its trailing zeros. */
const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"pid-1","fiatAmount":170.00}}';
const delivery = {
  id: 'dlv_1',
  provider: 'paychant',
  eventType: 'PAYMENT_COMPLETED',
  reference: 'REF-1',
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
    ['Authorization', 'Bearer ••••wxyz'],
    ['X-Gatewatch-Replay', 'dlv_1'],
  ],
  originalBody: body,
  warnings: input.body !== undefined && !input.body.includes('"event"') ? ['event: required'] : [],
  signatureHeaders: ['paychant-signature'],
});

const staging = target();
const second = target({ id: 'rpt_2', name: 'Second staging', url: 'http://127.0.0.1:9998/hook', provider: null });

function openEditor(answers: TransportAnswers = {}) {
  const fake = renderWithTransport(<DeliveryReplayPanel delivery={delivery} />, {
    'replay.preview': preview,
    'replay.targets.list': () => ({ targets: [staging, second] }),
    'replay.attempts': () => ({ items: [] }),
    'replay.send': () => attempt({ bodyEdited: true }),
    ...answers,
  });
  return {
    fake,
    async dialog() {
      fireEvent.click(await screen.findByRole('button', { name: 'Edit and send…' }));
      const dialog = await screen.findByRole('dialog', { name: 'Edit and replay PAYMENT_COMPLETED · REF-1' });
      await waitFor(() => expect((within(dialog).getByLabelText('Replay headers') as HTMLTextAreaElement).value).not.toBe(''));
      return dialog;
    },
  };
}

const sent = (fake: ReturnType<typeof openEditor>['fake']) => fake.calls.find((c) => c.name === 'replay.send')?.input;

describe('the replay editor', () => {
  it('opens as a modal dialog as wide as the window, the target chosen there', async () => {
    const { fake, dialog: open } = openEditor();
    const dialog = (await open()) as HTMLDialogElement;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    expect(dialog.className).toContain('replay-editor-dialog');
    fireEvent.change(within(dialog).getByLabelText('Target'), { target: { value: 'rpt_2' } });
    expect(within(dialog).getByRole('button', { name: 'Send replay to Second staging' })).toBeTruthy();
    expect(within(dialog).getByText('Nothing yet: the stored request is sent as received.')).toBeTruthy();
    expect(within(dialog).getByTestId('replay-body-note').textContent).toBe('Unchanged: the stored bytes are sent exactly as received.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send replay to Second staging' }));
    await waitFor(() => expect(sent(fake)).toEqual({ deliveryId: 'dlv_1', targetId: 'rpt_2', resign: false, confirm: false }));
  });

  it('shows the body pretty without changing a byte until it is edited', async () => {
    const { fake, dialog: open } = openEditor();
    const dialog = await open();
    const editor = within(dialog).getByLabelText('Replay body') as HTMLTextAreaElement;
    expect(editor.value).toBe(body);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Pretty' }));
    expect(editor.value).toBe('{\n  "event": "PAYMENT_COMPLETED",\n  "data": {\n    "pid": "pid-1",\n    "fiatAmount": 170.00\n  }\n}');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send replay to Local staging' }));
    await waitFor(() => expect(sent(fake)).toBeDefined());
    expect(sent(fake)).not.toHaveProperty('body');
  });

  it('shows the diff live as the pretty body is edited, and says it goes re-indented', async () => {
    const { fake, dialog: open } = openEditor();
    const dialog = await open();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Pretty' }));
    const editor = within(dialog).getByLabelText('Replay body') as HTMLTextAreaElement;
    const edited = editor.value.replace('170.00', '140.00');
    fireEvent.change(editor, { target: { value: edited } });
    expect(within(dialog).getByTestId('replay-body-note').textContent).toMatch(/sent as shown here, re-indented/);
    const diff = await within(dialog).findByLabelText('Body changes');
    expect([...diff.querySelectorAll('[data-diff="removed"]')].map((e) => e.textContent)).toEqual(['-    "fiatAmount": 170.00']);
    expect([...diff.querySelectorAll('[data-diff="added"]')].map((e) => e.textContent)).toEqual(['+    "fiatAmount": 140.00']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send edited replay to Local staging' }));
    await waitFor(() => expect(sent(fake)).toBeDefined());
    expect(sent(fake)).toEqual({ deliveryId: 'dlv_1', targetId: 'rpt_1', resign: false, confirm: false, body: edited });
  });

  it('sends a raw edit as typed, with schema warnings that do not block, and re-signs', async () => {
    const { fake, dialog: open } = openEditor();
    const dialog = await open();
    fireEvent.click(within(dialog).getByLabelText(/Re-sign with the target's secret/));
    await within(dialog).findByText('Replaces paychant-signature.');
    fireEvent.change(within(dialog).getByLabelText('Replay body'), { target: { value: '{"data":{}}' } });
    await within(dialog).findByText('event: required', {}, { timeout: 2000 });
    expect(within(dialog).getByTestId('replay-body-note').textContent).toBe('Edited: the body is sent exactly as typed.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send edited replay to Local staging' }));
    await waitFor(() => expect(sent(fake)).toEqual({ deliveryId: 'dlv_1', targetId: 'rpt_1', resign: true, confirm: false, body: '{"data":{}}' }));
    await within(dialog).findByText('Sent: Local staging answered HTTP 202.');
  });

  it('edits headers (masked ones left out, and said), refuses malformed lines, diffs them', async () => {
    const { fake, dialog: open } = openEditor();
    const dialog = await open();
    const headers = within(dialog).getByLabelText('Replay headers') as HTMLTextAreaElement;
    expect(headers.value).toBe('content-type: application/json\npaychant-signature: abc');
    expect(dialog.textContent).toContain('Left out because only their masked value is shown here: Authorization.');
    fireEvent.change(headers, { target: { value: 'content-type: application/json\nnot a header' } });
    await within(dialog).findByText(/line 2: write "Name: value"/);
    expect((within(dialog).getByRole('button', { name: /Send edited replay/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(headers, { target: { value: 'content-type: application/json\nX-Test: 1' } });
    const diff = await within(dialog).findByLabelText('Header changes');
    expect([...diff.querySelectorAll('[data-diff="added"]')].map((e) => e.textContent)).toEqual(['+X-Test: 1']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send edited replay to Local staging' }));
    await waitFor(() => expect(sent(fake)).toMatchObject({ headers: { 'content-type': 'application/json', 'X-Test': '1' } }));
  });

  it('asks before the first send to a target from the editor, and closes without sending', async () => {
    const { fake, dialog: open } = openEditor({ 'replay.targets.list': () => ({ targets: [target({ needsConfirmation: true, confirmedAt: null })] }) });
    const dialog = await open();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send replay to Local staging' }));
    const confirm = await screen.findByRole('alertdialog');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent(fake)).toBeUndefined();
  });
});
