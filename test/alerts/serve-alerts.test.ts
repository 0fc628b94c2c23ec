/**
 * Alerts end to end in serve mode, without a browser: forged webhooks posted to the real listener
 * become one `alert` event on the console's event stream, listed by alerts.get; settings go
 * through the API and the settings store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { paychantEvent } from '../providers/fixtures.js';
import { hmacHex } from '../providers/helpers.js';
import type { Alert, AlertsStatus } from '../../src-shared/contract/alerts.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole;
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    expect(
      (await gw.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: 'paychant-whsec-right' }] })).status,
    ).toBe(200);
  });
  afterAll(() => gw.close());

  /** Reads the event stream until an `alert` event arrives. */
  async function nextAlert(reader: ReadableStreamDefaultReader<string>): Promise<Alert> {
    let text = '';
    for (;;) {
      const frames = text.split('\n\n');
      for (const frame of frames.slice(0, -1)) {
        const data = frame.split('\n').find((line) => line.startsWith('data: '));
        const event = data ? JSON.parse(data.slice(6)) : null;
        if (event?.type === 'alert') return event.alert as Alert;
      }
      text = frames.at(-1)!;
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      text += value;
    }
  }

  describe('alerts in serve mode', () => {
    it('pushes one alert for five forged Paychant webhooks, none for four', async () => {
      const controller = new AbortController();
      const response = await fetch(`${gw.consoleOrigin}/api/events`, { headers: { authorization: `Bearer ${gw.token}` }, signal: controller.signal });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const forged = (n: number) => {
        const body = JSON.stringify({ ...paychantEvent, data: { ...paychantEvent.data, reference: `FORGED${n}` } });
        return gw.post('/webhooks/paychant', body, { 'content-type': 'application/json', 'paychant-signature': hmacHex('sha512', 'not-the-secret', body) });
      };
      for (let n = 0; n < 4; n++) expect((await forged(n)).status).toBe(200);
      await gw.gatewatch.worker.idle();
      expect((await gw.api<AlertsStatus>('alerts.get')).body.recent).toEqual([]);
      expect((await forged(4)).status).toBe(200);
      const alert = await nextAlert(reader);
      controller.abort();
      expect(alert).toMatchObject({ kind: 'signature_failures', title: 'Failed signatures from Paychant', held: false });
      expect(alert.route).toMatch(/^#\/inbox\?provider=paychant&verification=invalid&since=/);
      const status = (await gw.api<AlertsStatus>('alerts.get')).body;
      expect(status.recent).toEqual([alert]);
      expect(status.unwatched).toEqual([]);
    });

    it('saves the switches and quiet hours, and refuses a time zone it does not know in words', async () => {
      const settings = {
        kinds: { signature_failures: true, listener_down: false, relay_route_failing: true, provider_gave_up: true },
        quietHours: { enabled: true, from: '22:00', to: '07:00', timeZone: 'America/Sao_Paulo' },
      };
      const saved = await gw.api<AlertsStatus>('alerts.configure', settings);
      expect(saved.status).toBe(200);
      expect(saved.body.settings).toEqual(settings);
      expect(await gw.gatewatch.store.settings.get('alerts')).toEqual(settings);
      const refused = await gw.api<{ error: { issues: Array<{ path: string; message: string }> } }>('alerts.configure', {
        ...settings,
        quietHours: { ...settings.quietHours, timeZone: 'Atlantis/Capital' },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues).toEqual([{ path: 'quietHours.timeZone', message: 'not a time zone this console knows' }]);
    });

    it('merges a change of one switch into what is stored, and refuses a kind it does not know', async () => {
      const before = (await gw.api<AlertsStatus>('alerts.get')).body.settings;
      const saved = await gw.api<AlertsStatus>('alerts.configure', { kinds: { provider_gave_up: false } });
      expect(saved.status).toBe(200);
      expect(saved.body.settings).toEqual({ ...before, kinds: { ...before.kinds, provider_gave_up: false } });
      const unknown = await gw.api<{ error: { issues: Array<{ path: string }> } }>('alerts.configure', { kinds: { everything: false } });
      expect(unknown.status).toBe(400);
      expect((await gw.api<AlertsStatus>('alerts.get')).body.settings).toEqual(saved.body.settings);
    });

    it('sends a test alert on request', async () => {
      const sent = await gw.api<Alert>('alerts.test');
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({ kind: 'test', title: 'Gatewatch test notification', held: false });
    });
  });
});
