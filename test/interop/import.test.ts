import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { DeliveryImportOutput } from '../../src-shared/contract/interop.js';
import { shellQuote } from '../../src-renderer/features/delivery/curl.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const SECRET = 'paychant-import-secret-1234';
  let gw: TestConsole;
  let staging: StagingServer;

  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    staging = await startStagingServer();
    const configured = await gw.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: SECRET }] });
    expect(configured.status).toBe(200);
  });
  afterAll(async () => {
    await staging?.close();
    await gw?.close();
  });

  const body = '{"event":"payment.completed","data":{"pid":"pid-imported-7","amount":"10.50","currency":"NGN","status":"completed"}}';
  const signed = () => providerAdapters.paychant.signWebhook(Buffer.from(body), { label: 't', value: SECRET });

  async function importCall(input: Record<string, unknown>) {
    return gw.api<DeliveryImportOutput & { error?: { code: string; message: string } }>('deliveries.import', input);
  }

  describe('deliveries.import', () => {
    it('stores a pasted cURL command as an imported delivery that verifies, correlates and replays byte for byte', async () => {
      const headers = Object.entries(signed()).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`);
      const command = `curl -X POST 'https://tunnel.example/webhooks/paychant' -H 'Content-Type: application/json' ${headers.join(' ')} --data-binary ${shellQuote(body)}`;
      const { status, body: result } = await importCall({ curl: command });
      expect(status, JSON.stringify(result)).toBe(200);
      expect(result.imported).toHaveLength(1);
      const [imported] = result.imported;
      expect(imported).toMatchObject({ provider: 'paychant', method: 'POST', url: 'https://tunnel.example/webhooks/paychant' });
      await gw.gatewatch.worker.idle();

      const detail = (await gw.api<DeliveryDetail>('deliveries.get', { id: imported!.id })).body;
      expect(detail.origin).toMatchObject({
        kind: 'imported',
        format: 'curl',
        source: 'a pasted cURL command',
        url: 'https://tunnel.example/webhooks/paychant',
      });
      expect(detail.body).toBe(body);
      expect(detail.verification).toBe('valid');
      expect(detail.correlationKeys.map((k) => k.value)).toContain('pid-imported-7');
      const timeline = await gw.api<{ steps: Array<{ id: string }> }>('timeline.get', { key: 'pid-imported-7' });
      expect(timeline.body.steps.map((s) => s.id)).toContain(imported!.id);

      const target = await gw.api<{ id: string }>('replay.targets.save', { name: 'staging', url: staging.url('/ok') });
      const attempt = await gw.api<{ outcome: string }>('replay.send', { deliveryId: imported!.id, targetId: target.body.id, confirm: true });
      expect(attempt.body.outcome).toBe('ok');
      expect(staging.requests.at(-1)!.body.toString('utf8')).toBe(body);

      const audit = await gw.api<{ items: Array<{ summary: string }> }>('audit.list', { action: 'deliveries.import', limit: 5 });
      expect(audit.body.items[0]!.summary).toBe('Imported 1 delivery from a pasted cURL command');
    });

    it('stores each readable HAR entry with its time and file name, bodies exact (base64 ones too), and lists the entries it skipped', async () => {
      const binary = Buffer.from([0xde, 0xad, 0x00, 0xbe, 0xef]);
      const har = {
        log: {
          version: '1.2',
          creator: { name: 'test', version: '1' },
          entries: [
            {
              startedDateTime: '2026-01-02T03:04:05.678Z',
              request: {
                method: 'POST',
                url: 'http://127.0.0.1:8787/webhooks/paychant/eu?retry=1',
                headers: [
                  { name: ':authority', value: 'x' },
                  { name: 'content-type', value: 'application/json' },
                  ...Object.entries(signed()).map(([name, value]) => ({ name, value })),
                ],
                postData: { mimeType: 'application/json', text: body },
              },
            },
            {
              request: {
                method: 'POST',
                url: 'http://h/cb',
                headers: [],
                postData: { mimeType: 'application/octet-stream', text: binary.toString('base64'), encoding: 'base64' },
              },
            },
            { request: { url: 'http://h/no-method' } },
            { startedDateTime: 'x', request: { method: 'POST', url: 'not a url', headers: [] } },
          ],
        },
      };
      const { status, body: result } = await importCall({ har: JSON.stringify(har), fileName: 'capture.har', provider: 'instap' });
      expect(status, JSON.stringify(result)).toBe(200);
      expect(result.imported.map((d) => [d.provider, d.url])).toEqual([
        ['paychant', 'http://127.0.0.1:8787/webhooks/paychant/eu?retry=1'],
        ['instap', 'http://h/cb'], // the path names no provider: filed under the one asked for
      ]);
      expect(result.skipped.map((s) => s.entry)).toEqual([2, 3]);
      expect(result.skipped[0]!.reason).toMatch(/method/);
      expect(result.skipped[1]!.reason).toMatch(/not a URL/);
      await gw.gatewatch.worker.idle();
      const first = (await gw.api<DeliveryDetail>('deliveries.get', { id: result.imported[0]!.id })).body;
      expect(first).toMatchObject({ label: 'eu', query: 'retry=1', receivedAt: '2026-01-02T03:04:05.678Z', verification: 'valid', body });
      expect(first.headers.map(([n]) => n)).toEqual(['content-type', ...Object.keys(signed())]);
      expect(first.origin).toMatchObject({ format: 'har', source: 'capture.har, entry 1' });
      const second = (await gw.api<DeliveryDetail>('deliveries.get', { id: result.imported[1]!.id })).body;
      expect(second.body).toBeNull();
      expect(Buffer.from(second.bodyBase64, 'base64').equals(binary)).toBe(true);
    });

    it('refuses bad input with a clear error and stores nothing', async () => {
      const before = (await gw.api<{ total: number }>('deliveries.list', {})).body.total;
      const notJson = await importCall({ har: '{not json' });
      expect(notJson.status).toBe(400);
      expect(notJson.body.error!.message).toMatch(/^Nothing was imported: the HAR file is not valid JSON/);
      const noLog = await importCall({ har: '{"entries":[]}' });
      expect(noLog.body.error!.message).toMatch(/not a HAR file/);
      const allBad = await importCall({ har: JSON.stringify({ log: { entries: [{}] } }) });
      expect(allBad.body.error!.message).toMatch(/no entry of the HAR file could be read \(entry 1: not a HAR entry/);
      const both = await importCall({ har: '{}', curl: 'curl http://h' });
      expect(both.status).toBe(400);
      expect(JSON.stringify(both.body)).toMatch(/either a HAR document \(har\) or a cURL command \(curl\)/);
      const curl = await importCall({ curl: 'curl http://h -T file' });
      expect(curl.body.error!.message).toBe('Nothing was imported: the curl option -T is not understood by the import.');
      expect((await gw.api<{ total: number }>('deliveries.list', {})).body.total).toBe(before);
    });
  });
});
