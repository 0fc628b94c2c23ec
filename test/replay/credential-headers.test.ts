import { beforeAll, describe, expect, it } from 'vitest';
import { calypsoInvoiceCreated, instapDeposit, instaxchangeCompleted } from '../providers/fixtures.js';
import type { ReplayTargetView } from '../../src-shared/contract/replay.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';
import { consoleWithStaging, postDelivery, replay, saveTarget } from './helpers.js';

const credentials = {
  Authorization: 'Bearer prod-token-0123456789wxyz',
  Cookie: 'session=prod-session-abcdef; theme=dark',
  'X-Api-Key': 'prod-api-key-98765',
};

const env = consoleWithStaging();
let plain: ReplayTargetView;
beforeAll(async () => {
  plain = await saveTarget(env.gw, { name: 'Staging without credentials', url: env.staging.url('/ok') });
});

describe('credential headers on replay', () => {
  it('is off for a new target, and listed in the target view', () => {
    expect(plain.forwardCredentialHeaders).toBe(false);
  });

  it("drops the provider's Authorization, Cookie and API key but keeps the signature headers", async () => {
    const cases: Array<{ provider: string; body: string; signature: Record<string, string> }> = [
      { provider: 'instap', body: instapDeposit, signature: { 'x-payload-hash': 'hash-from-instap' } },
      { provider: 'instaxchange', body: instaxchangeCompleted, signature: { 'X-InstaXWH-KEY': 'md5-from-instaxchange' } },
      { provider: 'calypso', body: calypsoInvoiceCreated, signature: { Key: 'pub-calypso-1', Sign: 'sign-from-calypso' } },
    ];
    for (const { provider, body, signature } of cases) {
      const id = await postDelivery(env.gw, provider, body, { ...credentials, ...signature });
      const before = env.staging.requests.length;
      const attempt = await replay(env.gw, { deliveryId: id, targetId: plain.id });
      const received = env.staging.requests[before]!;
      for (const name of Object.keys(credentials)) expect(received.header(name), `${provider} ${name}`).toBeUndefined();
      for (const [name, value] of Object.entries(signature)) expect(received.header(name), `${provider} ${name}`).toBe(value);
      expect(attempt.sentHeaders.map(([n]) => n.toLowerCase())).not.toContain('authorization');
    }
  });

  it('drops a credential header the user typed into an edited header set, too', async () => {
    const id = await postDelivery(env.gw, 'paychant', '{"event":"x"}', credentials);
    const before = env.staging.requests.length;
    await replay(env.gw, { deliveryId: id, targetId: plain.id, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer typed-by-user' } });
    expect(env.staging.requests[before]!.header('authorization')).toBeUndefined();
  });

  it('forwards them to a target that keeps them, stores them masked, and audits the change', async () => {
    const keeping = await saveTarget(env.gw, { name: 'Staging with credentials', url: env.staging.url('/ok'), forwardCredentialHeaders: true });
    expect(keeping.forwardCredentialHeaders).toBe(true);
    const id = await postDelivery(env.gw, 'instap', instapDeposit, { ...credentials, 'x-payload-hash': 'hash-from-instap' });
    const before = env.staging.requests.length;
    const attempt = await replay(env.gw, { deliveryId: id, targetId: keeping.id });
    const received = env.staging.requests[before]!;
    for (const [name, value] of Object.entries(credentials)) expect(received.header(name)).toBe(value);
    expect(received.header('x-payload-hash')).toBe('hash-from-instap');
    expect(attempt.sentHeaders).toContainEqual(['Authorization', 'Bearer ••••wxyz']);
    expect(JSON.stringify(attempt)).not.toContain('prod-token-0123456789wxyz');

    // Turned off again: the saved choice is what the next replay follows.
    const off = await saveTarget(env.gw, { id: keeping.id, name: keeping.name, url: keeping.url, forwardCredentialHeaders: false });
    expect(off.forwardCredentialHeaders).toBe(false);
    const next = env.staging.requests.length;
    await replay(env.gw, { deliveryId: id, targetId: keeping.id });
    expect(env.staging.requests[next]!.header('authorization')).toBeUndefined();
    const { body } = await env.gw.api<{ items: AuditEntry[] }>('audit.list', { subject: keeping.id, action: 'replay.targets.save' });
    expect(body.items[0]!.details.changed).toEqual(['forwardCredentialHeaders']);
  });

  it('keeps the choice when an edit does not mention it', async () => {
    const keeping = await saveTarget(env.gw, { name: 'Keeps on', url: env.staging.url('/ok'), forwardCredentialHeaders: true });
    const renamed = await saveTarget(env.gw, { id: keeping.id, name: 'Keeps on, renamed', url: keeping.url });
    expect(renamed.forwardCredentialHeaders).toBe(true);
  });
});
