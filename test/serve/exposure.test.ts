/**
 * The console beyond loopback: only once people have accounts, only over TLS (here, or at a proxy
 * the admin names), with the public URL given; Host and Origin follow that URL; under TLS the
 * session cookie is Secure (and __Host-); behind a trusted proxy a sign-in is charged to the
 * address the proxy saw.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { checkExposure, ExposureError } from '../../src-main/serve/exposure.js';
import { ConsoleOrigins } from '../../src-main/serve/console-origins.js';
import { createAccounts } from '../../src-main/accounts/accounts.js';
import { AuditLog } from '../../src-main/services/audit.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { tempDir } from '../helpers/temp.js';
import { storeBackends, type OpenedStore } from '../helpers/store-backends.js';

const base = { consoleHost: '127.0.0.1', tls: false, trustProxy: [] as string[], publicUrl: null as URL | null, anyoneCanSignIn: true };
const refusal = (options: Partial<typeof base>) => {
  try {
    checkExposure({ ...base, ...options });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ExposureError);
    return (error as Error).message;
  }
};

describe('when the console may leave loopback', () => {
  it('stays on loopback with nothing else asked', () => {
    expect(refusal({ anyoneCanSignIn: false })).toBeNull();
    expect(refusal({ consoleHost: '::1', anyoneCanSignIn: false })).toBeNull();
  });

  it('needs accounts, TLS or a named proxy, and an https public URL', () => {
    expect(refusal({ consoleHost: '0.0.0.0', tls: true, anyoneCanSignIn: false, publicUrl: new URL('https://gw.example.com') })).toMatch(
      /only once people have accounts: add an admin with `npm run serve -- users add <name> --role admin`/,
    );
    expect(refusal({ consoleHost: '0.0.0.0', publicUrl: new URL('https://gw.example.com') })).toMatch(
      /needs TLS: give --tls-cert and --tls-key, or name the reverse proxy/,
    );
    expect(refusal({ consoleHost: '0.0.0.0', tls: true })).toMatch(/Give --public-url/);
    expect(refusal({ consoleHost: '0.0.0.0', tls: true, publicUrl: new URL('http://gw.example.com') })).toMatch(/must start with https:\/\//);
    expect(refusal({ trustProxy: ['127.0.0.1'], anyoneCanSignIn: false, publicUrl: new URL('https://gw.example.com') })).toMatch(/accounts/);
    expect(refusal({ trustProxy: ['proxy.internal'] })).toMatch(/IP address/);
    expect(refusal({ consoleHost: '0.0.0.0', tls: true, publicUrl: new URL('https://gw.example.com:8443') })).toBeNull();
    expect(refusal({ trustProxy: ['127.0.0.1'], publicUrl: new URL('https://gw.example.com') })).toBeNull();
  });
});

describe('the console origins', () => {
  const fake = (headers: Record<string, string>, remoteAddress = '127.0.0.1') => ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

  it('accepts the public URL’s Host and Origin besides loopback, and nothing else', () => {
    const origins = new ConsoleOrigins({ publicUrl: new URL('https://gw.example.com'), tls: false, trustedProxies: ['127.0.0.1'] });
    origins.port = 8788;
    expect(origins.hostAllowed(fake({ host: 'gw.example.com' }))).toBe(true);
    expect(origins.hostAllowed(fake({ host: '127.0.0.1:8788' }))).toBe(true);
    expect(origins.hostAllowed(fake({ host: 'evil.example' }))).toBe(false);
    expect(origins.originAllowed(fake({ origin: 'https://gw.example.com' }))).toBe(true);
    expect(origins.originAllowed(fake({ origin: 'http://gw.example.com' }))).toBe(false);
    expect(origins.sameOriginWrite(fake({ origin: 'https://gw.example.com', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(origins.sessionCookie('abc')).toBe('__Host-gatewatch_session_8788=abc; Path=/; HttpOnly; SameSite=Strict; Secure');
  });

  it('charges a request through the trusted proxy to its last forwarded hop, and nobody else’s header', () => {
    const origins = new ConsoleOrigins({ publicUrl: null, tls: false, trustedProxies: ['127.0.0.1'] });
    expect(origins.clientAddress(fake({ 'x-forwarded-for': '198.51.100.9, 203.0.113.4' }, '127.0.0.1'))).toBe('203.0.113.4');
    expect(origins.clientAddress(fake({ 'x-forwarded-for': '198.51.100.9' }, '192.0.2.50'))).toBe('192.0.2.50');
    expect(new ConsoleOrigins({ publicUrl: null, tls: false }).clientAddress(fake({ 'x-forwarded-for': '198.51.100.9' }))).toBe('127.0.0.1');
  });
});

describe.each(storeBackends)('serve mode beyond loopback, on $name', (backend) => {
  let gw: TestConsole | null = null;
  const dirs: Array<{ remove(): void }> = [];
  let tls: { cert: Buffer; key: Buffer };

  beforeAll(() => {
    const dir = tempDir('gatewatch-tls-');
    dirs.push(dir);
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir.path, 'key.pem'),
        '-out',
        join(dir.path, 'cert.pem'),
      ],
      {
        stdio: 'ignore',
      },
    );
    tls = { cert: readFileSync(join(dir.path, 'cert.pem')), key: readFileSync(join(dir.path, 'key.pem')) };
  });
  afterAll(() => {
    for (const dir of dirs.splice(0)) dir.remove();
  });
  afterEach(async () => {
    await gw?.close();
    gw = null;
    for (const dir of dirs.splice(1)) dir.remove();
  });

  /** A store where someone has an account, closed for serve mode to open (the console removes it when it closes). */
  async function withPerson(): Promise<OpenedStore> {
    const opened = await backend.open();
    const store = opened.store;
    await createAccounts({ store: store.accounts, audit: new AuditLog(store.audit) }).people.add({
      name: 'ada',
      role: 'admin',
      password: 'ada’s long password',
    });
    await store.close();
    return opened;
  }

  it('refuses to listen on all addresses while nobody has an account, and says why', async () => {
    await expect(startTestConsole({ backend, exposure: { consoleHost: '0.0.0.0', tls, publicUrl: new URL('https://gw.example.com') } })).rejects.toThrow(
      /only once people have accounts/,
    );
  });

  it('serves https with a Secure, __Host- session cookie once someone may sign in', async () => {
    gw = await startTestConsole({ opened: await withPerson(), exposure: { tls } });
    expect(gw.consoleOrigin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { port } = new URL(gw.consoleOrigin);
    const answer = await new Promise<{ status: number; cookie: string | undefined }>((resolve, reject) => {
      const body = JSON.stringify({ name: 'ada', password: 'ada’s long password' });
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/auth/sign-in',
          method: 'POST',
          rejectUnauthorized: false,
          headers: { 'content-type': 'application/json', origin: gw!.consoleOrigin, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, cookie: res.headers['set-cookie']?.[0] }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(200);
    expect(answer.cookie).toMatch(new RegExp(`^__Host-gatewatch_session_${port}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Secure$`));
  }, 30_000);
});
