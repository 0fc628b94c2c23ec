import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { registerContractHandlers } from '../../src-main/electron/ipc.js';
import type { IpcMainInvokeEventLike, IpcMainLike } from '../../src-main/electron/electron-api.js';
import { ipcChannelFor } from '../../src-shared/contract/index.js';
import type { CallResult } from '../../src-shared/contract/bridge.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const received = {
    Authorization: 'Bearer prod-token-0123456789wxyz',
    Cookie: 'session=prod-session-abcdef; theme=dark',
    'paychant-signature': 'ab12cd34ef',
  };

  let gw: TestConsole;
  let id = '';
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    const answer = await gw.post('/webhooks/paychant', '{"event":"x"}', { 'content-type': 'application/json', ...received });
    id = ((await answer.json()) as { id: string }).id;
    await gw.gatewatch.worker.idle();
  });
  afterAll(() => gw.close());

  /** The desktop's IPC handlers, on a stand-in for ipcMain, over this console's dispatcher. */
  function ipcCall(name: 'deliveries.revealHeaders', input: unknown): Promise<CallResult> {
    const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const ipcMain: IpcMainLike = { handle: (channel, fn) => handlers.set(channel, fn), removeHandler: (c) => handlers.delete(c) };
    const unregister = registerContractHandlers(ipcMain, gw.gatewatch.dispatcher, (url) => url === 'app://gatewatch/index.html');
    const handler = handlers.get(ipcChannelFor(name))!;
    return (handler({ senderFrame: { url: 'app://gatewatch/index.html' } } as IpcMainInvokeEventLike, input) as Promise<CallResult>).finally(unregister);
  }

  describe('credential headers of a delivery', () => {
    it('come masked from deliveries.get over HTTP, scheme word and last four kept, other headers whole', async () => {
      const { status, body } = await gw.api<DeliveryDetail>('deliveries.get', { id });
      expect(status).toBe(200);
      expect(body.headers).toContainEqual(['Authorization', 'Bearer ••••wxyz']);
      expect(body.headers).toContainEqual(['Cookie', '••••dark']);
      expect(body.headers).toContainEqual(['paychant-signature', 'ab12cd34ef']);
      const text = JSON.stringify(body);
      expect(text).not.toContain('prod-token');
      expect(text).not.toContain('prod-session');
    });

    it('are not revealed over HTTP: 403 with a sentence, and nothing audited', async () => {
      const { status, body } = await gw.api<{ error: { code: string; message: string } }>('deliveries.revealHeaders', { id });
      expect(status).toBe(403);
      expect(body.error).toEqual({ code: 'forbidden', message: 'Revealing credential headers is only possible in the desktop app.' });
      expect(JSON.stringify(body)).not.toContain('prod-token');
      const audit = await gw.api<{ items: AuditEntry[] }>('audit.list', { action: 'deliveries.revealHeaders' });
      expect(audit.body.items).toEqual([]);
    });

    it('are revealed through the desktop IPC handlers, and the reveal is audited without the values', async () => {
      const result = await ipcCall('deliveries.revealHeaders', { id });
      expect(result.ok).toBe(true);
      const { headers } = (result as { ok: true; value: { headers: Array<[string, string]> } }).value;
      expect(headers).toContainEqual(['Authorization', received.Authorization]);
      expect(headers).toContainEqual(['Cookie', received.Cookie]);
      const { body } = await gw.api<{ items: AuditEntry[] }>('audit.list', { action: 'deliveries.revealHeaders' });
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({ subject: id, details: { headers: ['Authorization', 'Cookie'] } });
      expect(JSON.stringify(body.items[0])).not.toContain('prod-');
    });

    it('say in words when the delivery does not exist, over IPC too', async () => {
      const result = await ipcCall('deliveries.revealHeaders', { id: 'dlv_nope' });
      expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No delivery with id dlv_nope.' } });
    });

    it('are refused by the dispatcher when no transport says it is the desktop', async () => {
      await expect(gw.gatewatch.dispatcher.call('deliveries.revealHeaders', { id })).rejects.toMatchObject({ code: 'forbidden' });
    });
  });
});
