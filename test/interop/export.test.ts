import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';
import { harProblems } from '../helpers/har.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { csvCell } from '../../src-main/interop/export/csv.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  interface Har {
    log: {
      entries: Array<{
        request: {
          method: string;
          url: string;
          headers: Array<{ name: string; value: string }>;
          postData?: { text: string; encoding?: string; mimeType: string };
        };
        response: { status: number; content: { text?: string } };
        _gatewatch: { id: string; provider: string; verification: string | null; kind: string };
      }>;
    };
  }

  const SECRET = 'paychant-export-secret-99';
  const binary = Buffer.from([0x00, 0xff, 0xfe, 0x41, 0x80]);
  let gw: TestConsole;
  let staging: StagingServer;
  const ids: Record<string, string> = {};

  async function post(provider: string, body: string | Buffer, headers: Record<string, string>) {
    const response = await gw.post(`/webhooks/${provider}`, body, headers);
    return ((await response.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    staging = await startStagingServer();
    await gw.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: SECRET }] });
    const text = '{"event":"payment.completed","data":{"pid":"pid-export-1","amount":"1.10","status":"completed","note":"=SUM(A1)"}}';
    const signature = providerAdapters.paychant.signWebhook(Buffer.from(text), { label: 'p', value: SECRET });
    ids.text = await post('paychant', text, { 'content-type': 'application/json', authorization: 'Bearer live-credential-abcd', ...signature });
    ids.binary = await post('paychant', binary, { 'content-type': 'application/octet-stream' });
    ids.other = await post('calypso', '{"eventType":"INVOICE_PAID","data":{"externalId":"ext-1"}}', { 'content-type': 'application/json' });
    await gw.gatewatch.worker.idle();
  });
  afterAll(async () => {
    await staging?.close();
    await gw?.close();
  });

  const exportUrl = (params: Record<string, string>) => `${gw.consoleOrigin}/api/export?${new URLSearchParams(params)}`;
  const get = (params: Record<string, string>, headers: Record<string, string> = { authorization: `Bearer ${gw.token}` }) =>
    fetch(exportUrl(params), { headers });

  describe('GET /api/export', () => {
    it('streams the filtered set as HAR 1.2 that validates, bodies exact (text as text, bytes as base64), credentials masked', async () => {
      const response = await get({ format: 'har', provider: 'paychant' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="gatewatch-deliveries-.*\.har"$/);
      const har = (await response.json()) as Har;
      expect(await harProblems(har)).toEqual([]);
      expect(har.log.entries.map((e) => e._gatewatch.id)).toEqual([ids.binary, ids.text]); // newest first, calypso filtered out
      const [bin, text] = har.log.entries;
      expect(bin!.request.postData).toEqual({ mimeType: 'application/octet-stream', text: binary.toString('base64'), encoding: 'base64' });
      expect(text!.request.postData!.encoding).toBeUndefined();
      expect(text!.request.postData!.text).toContain('"amount":"1.10"');
      expect(text!.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/paychant$/);
      expect(text!.request.headers.find((h) => h.name === 'authorization')!.value).toBe('Bearer ••••abcd');
      expect(JSON.stringify(har)).not.toContain('live-credential');
      expect(text!._gatewatch.verification).toBe('valid');
      expect(text!.response.status).toBe(200);
      expect(text!.response.content.text).toBe(JSON.stringify({ id: ids.text }));
    });

    it('exports one delivery by id, and says 404 for an unknown one before anything is streamed', async () => {
      const har = (await (await get({ format: 'har', id: ids.other! })).json()) as Har;
      expect(har.log.entries.map((e) => e._gatewatch.id)).toEqual([ids.other]);
      expect(await harProblems(har)).toEqual([]);
      const missing = await get({ format: 'har', id: 'dlv_nope' });
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('No delivery with id dlv_nope.');
    });

    it('streams NDJSON: one delivery per line with its derived fields', async () => {
      const response = await get({ format: 'ndjson', q: 'pid-export-1' });
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      const lines = (await response.text()).split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(1);
      const detail = DeliveryDetail.parse(JSON.parse(lines[0]!));
      expect(detail.id).toBe(ids.text);
      expect(detail.verificationResult.status).toBe('valid');
      expect(detail.correlationKeys.map((k) => k.value)).toContain('pid-export-1');
      expect(detail.headers.find(([n]) => n === 'authorization')![1]).toBe('Bearer ••••abcd');
      const all = (await (await get({ format: 'ndjson' })).text()).trim().split('\n');
      expect(all.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([ids.other, ids.binary, ids.text]);
      const bytes = DeliveryDetail.parse(JSON.parse(all[1]!));
      expect(Buffer.from(bytes.bodyBase64, 'base64').equals(binary)).toBe(true);
    });

    it('writes the inbox columns as CSV, quoted where needed', async () => {
      const response = await get({ format: 'csv', provider: 'paychant', verification: 'valid' });
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows = (await response.text()).split('\r\n');
      expect(rows[0]).toBe(
        'received_at,provider,label,event_type,status,amount,currency,reference,verification,secret_label,size,method,path,id,duplicate_of,parse_error,refused_status,refused_reason',
      );
      expect(rows).toHaveLength(3); // header, one row, the final newline
      const cells = rows[1]!.split(',');
      expect(cells[1]).toBe('paychant');
      expect(cells[7]).toBe('pid-export-1');
      expect(cells[8]).toBe('valid');
      expect(cells[9]).toBe('production');
      expect(cells[13]).toBe(ids.text);
    });

    it('keeps a spreadsheet from running sender-written text as a formula, and quotes commas, quotes and line breaks', () => {
      expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
      expect(csvCell('@cmd')).toBe("'@cmd");
      expect(csvCell('-1.50')).toBe('-1.50');
      expect(csvCell('a,b')).toBe('"a,b"');
      expect(csvCell('two\nlines')).toBe('"two\nlines"');
      expect(csvCell(null)).toBe('');
      expect(csvCell(42)).toBe('42');
    });

    it('takes the same authorization as every call and refuses bad parameters in words', async () => {
      expect((await get({ format: 'har' }, {})).status).toBe(401);
      expect((await get({ format: 'har' }, { authorization: `Bearer ${gw.token}`, origin: 'http://evil.example' })).status).toBe(403);
      const bad = await get({ format: 'xml' });
      expect(bad.status).toBe(400);
      const body = (await bad.json()) as { error: { message: string; issues: Array<{ path: string }> } };
      expect(body.error.message).toBe('Invalid export parameters.');
      expect(body.error.issues[0]!.path).toBe('format');
      const attemptsCsv = await get({ format: 'csv', what: 'replay-attempts' });
      expect(((await attemptsCsv.json()) as { error: { issues: Array<{ message: string }> } }).error.issues[0]!.message).toBe(
        'replay attempts are exported as HAR only (format=har)',
      );
      expect((await get({ format: 'har', since: 'yesterday' })).status).toBe(400);
      expect((await get({ format: 'har', reveal: '1' })).status).toBe(400); // no way to ask for credentials in clear
    });

    it('exports replay attempts as request/response pairs that validate', async () => {
      const target = await gw.api<{ id: string }>('replay.targets.save', { name: 'staging', url: staging.url('/ok?x=1') });
      await gw.api('replay.send', { deliveryId: ids.binary, targetId: target.body.id, confirm: true });
      await gw.api('replay.send', { deliveryId: ids.text, targetId: target.body.id, confirm: true, body: '{"edited":true}' });
      const har = (await (await get({ format: 'har', what: 'replay-attempts', targetId: target.body.id })).json()) as Har;
      expect(await harProblems(har)).toEqual([]);
      expect(har.log.entries).toHaveLength(2);
      const [edited, exact] = har.log.entries;
      expect(edited!.request.postData!.text).toBe('{"edited":true}');
      expect(exact!.request.postData).toMatchObject({ text: binary.toString('base64'), encoding: 'base64' });
      expect(exact!.request.url).toBe(staging.url('/ok?x=1'));
      expect(exact!.response.status).toBe(202);
      expect(exact!.response.content.text).toBe('{"received":true}');
      expect(exact!._gatewatch.kind).toBe('replay-attempt');
    });
  });
});
