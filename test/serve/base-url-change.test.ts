/**
 * Moving a provider's base URL moves where the stored API key and signed requests go. Production
 * needs https; another origin needs the credentials entered again or kept explicitly; the audit
 * entry records where from and where to (URLs only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { originOf } from '../../src-main/services/base-url-change.js';
import type { ProviderConfigView } from '../../src-shared/contract/providers.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const apiKey = 'instap-live-api-key-7c1d';
  const hmacSecret = 'instap-live-hmac-secret-93fe';
  const defaultProduction = 'https://api-prod.alfa-instap-cpt.uk';

  type ErrorAnswer = { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

  let gw: TestConsole;
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    const { status } = await gw.api('providers.configure', { provider: 'instap', environment: 'production', apiKey, hmacSecret });
    expect(status).toBe(200);
  });
  afterAll(() => gw.close());

  async function baseUrl(environment: ProviderConfigView['activeEnvironment']): Promise<string | null> {
    const { body } = await gw.api<{ providers: ProviderConfigView[] }>('providers.get');
    return body.providers.find((p) => p.provider === 'instap')!.environments.find((e) => e.environment === environment)!.baseUrl;
  }

  async function lastAudit(): Promise<AuditEntry> {
    const { body } = await gw.api<{ items: AuditEntry[] }>('audit.list', { action: 'providers.configure', limit: 1 });
    return body.items[0]!;
  }

  function expectNoSecrets(value: unknown): void {
    const text = JSON.stringify(value);
    for (const secret of [apiKey, hmacSecret]) expect(text).not.toContain(secret);
  }

  describe('origins are compared as the URL parser reads them', () => {
    it.each([
      ['http://2130706433', 'http://127.0.0.1'],
      ['http://0177.0.0.1', 'http://127.0.0.1'],
      ['http://0x7f.1', 'http://127.0.0.1'],
      ['http://127.0.0.1:80/api', 'http://127.0.0.1'],
      ['HTTPS://API.Example:443/v1/', 'https://api.example'],
    ])('%s is %s', (written, origin) => {
      expect(originOf(written)).toBe(origin);
    });
  });

  describe('providers.configure: production base URL', () => {
    it('refuses http (the metadata address included), in words, and changes nothing', async () => {
      const { status, body } = await gw.api<ErrorAnswer>('providers.configure', {
        provider: 'instap',
        environment: 'production',
        baseUrl: 'http://169.254.169.254',
      });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/production base URL must use https/);
      expect(body.error.issues).toEqual([expect.objectContaining({ path: 'baseUrl' })]);
      expect(await baseUrl('production')).toBe(defaultProduction);
    });

    it('refuses another host while the stored API key and secret would follow, saying which and what to do', async () => {
      const { status, body } = await gw.api<ErrorAnswer>('providers.configure', {
        provider: 'instap',
        environment: 'production',
        baseUrl: 'https://evil.example',
      });
      expect(status).toBe(400);
      expect(body.error.message).toContain('moves from api-prod.alfa-instap-cpt.uk to evil.example');
      expect(body.error.message).toContain('the stored API key and HMAC / signing secret would be sent there');
      expect(body.error.message).toContain('Keep the stored API key and secrets for the new host');
      expect(body.error.issues).toEqual([expect.objectContaining({ path: 'baseUrl' })]);
      expectNoSecrets(body);
      expect(await baseUrl('production')).toBe(defaultProduction);
    });

    it('still refuses when only one of the two credentials is entered again', async () => {
      const { status, body } = await gw.api<ErrorAnswer>('providers.configure', {
        provider: 'instap',
        environment: 'production',
        baseUrl: 'https://evil.example',
        apiKey: 'a-new-key-for-the-new-host',
      });
      expect(status).toBe(400);
      expect(body.error.message).toContain('the stored HMAC / signing secret would be sent there');
      expect(await baseUrl('production')).toBe(defaultProduction);
    });

    it('accepts the move when the call says to keep the credentials, and audits the old and new URL', async () => {
      const { status } = await gw.api('providers.configure', {
        provider: 'instap',
        environment: 'production',
        baseUrl: 'https://evil.example/pgpub',
        keepCredentials: true,
      });
      expect(status).toBe(200);
      expect(await baseUrl('production')).toBe('https://evil.example/pgpub');
      const entry = await lastAudit();
      expect(entry.summary).toBe(
        'Changed environment, baseUrl for instap: production base URL https://api-prod.alfa-instap-cpt.uk → https://evil.example/pgpub (stored credentials kept for the new host)',
      );
      expect(entry.details).toMatchObject({
        fields: ['environment', 'baseUrl'],
        baseUrl: { environment: 'production', from: defaultProduction, to: 'https://evil.example/pgpub', credentialsKept: true },
      });
      expectNoSecrets(entry);
    });

    it('a new path on the same origin needs nothing more', async () => {
      const { status } = await gw.api('providers.configure', { provider: 'instap', environment: 'production', baseUrl: 'https://EVIL.example:443/v2' });
      expect(status).toBe(200);
      expect((await lastAudit()).details).toMatchObject({ baseUrl: { credentialsKept: false } });
    });

    it('going back to the documented default is a move too', async () => {
      const refused = await gw.api<ErrorAnswer>('providers.configure', { provider: 'instap', environment: 'production', baseUrl: null });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('moves from evil.example to api-prod.alfa-instap-cpt.uk');
      const entered = await gw.api('providers.configure', { provider: 'instap', environment: 'production', baseUrl: null, apiKey, hmacSecret });
      expect(entered.status).toBe(200);
      expect(await baseUrl('production')).toBe(defaultProduction);
      expect((await lastAudit()).details).toMatchObject({ baseUrl: { from: 'https://evil.example/v2', to: defaultProduction, credentialsKept: false } });
    });
  });

  describe('providers.configure: other environments', () => {
    it('accepts http with credentials entered in the same call; sees 2130706433 as 127.0.0.1 and 0177.0.0.2 as another host', async () => {
      expect(
        (await gw.api('providers.configure', { provider: 'instap', environment: 'local', baseUrl: 'http://127.0.0.1:9', apiKey, hmacSecret })).status,
      ).toBe(200);
      const sameHost = await gw.api('providers.configure', { provider: 'instap', environment: 'local', baseUrl: 'http://2130706433:9/other-path' });
      expect(sameHost.status).toBe(200);
      const otherHost = await gw.api<ErrorAnswer>('providers.configure', { provider: 'instap', environment: 'local', baseUrl: 'http://0177.0.0.2:9' });
      expect(otherHost.status).toBe(400);
      expect(otherHost.body.error.message).toContain('The local base URL of instap moves from 127.0.0.1:9 to 127.0.0.2:9');
    });

    it('removing the credentials in the same call is as good as entering them', async () => {
      const { status } = await gw.api('providers.configure', {
        provider: 'instap',
        environment: 'local',
        baseUrl: 'http://127.0.0.3:9',
        apiKey: null,
        hmacSecret: null,
      });
      expect(status).toBe(200);
      // Nothing stored any more: nothing can follow the URL.
      expect((await gw.api('providers.configure', { provider: 'instap', environment: 'local', baseUrl: 'http://127.0.0.4:9' })).status).toBe(200);
    });

    it('keeps a query string out of the audit entry', async () => {
      const { status } = await gw.api('providers.configure', { provider: 'instap', environment: 'sandbox', baseUrl: 'http://127.0.0.1:9/api?token=abc123#x' });
      expect(status).toBe(200);
      const entry = await lastAudit();
      expect(JSON.stringify(entry)).not.toContain('abc123');
      expect(entry.details).toMatchObject({ baseUrl: { from: null, to: 'http://127.0.0.1:9/api' } });
    });

    it('a refused webhook secret list changes nothing else in the same call', async () => {
      const { status } = await gw.api('providers.configure', {
        provider: 'instap',
        environment: 'sandbox',
        baseUrl: 'http://127.0.0.1:10',
        webhookSecrets: [{ label: 'no-value-typed' }],
      });
      expect(status).toBe(400);
      expect(await baseUrl('sandbox')).toBe('http://127.0.0.1:9/api?token=abc123#x');
    });
  });
});
