/**
 * The accounts part of the Store interface (people, API tokens, sign-in sessions) and the audit
 * log by actor, as every backend must keep them: run against each of test/helpers/store-backends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { storeBackends, type OpenedStore } from '../helpers/store-backends.js';
import type { PersonRecord } from '../../src-main/store/accounts-types.js';

let opened: OpenedStore | null = null;
afterEach(async () => {
  await opened?.store.close();
  await opened?.remove();
  opened = null;
});

const person = (name: string, role: PersonRecord['role'] = 'viewer'): PersonRecord => ({
  name,
  role,
  passwordHash: `scrypt$N=131072,r=8,p=1$c2FsdA$aGFzaA-${name}`,
  disabled: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  lastSignInAt: null,
});

describe.each(storeBackends)('accounts store on $name', (backend) => {
  it('adds people once, updates them, counts the enabled', async () => {
    opened = await backend.open();
    const accounts = opened.store.accounts;
    expect(await accounts.addPerson(person('bob'))).toBe(true);
    expect(await accounts.addPerson(person('alice', 'admin'))).toBe(true);
    expect(await accounts.addPerson(person('alice'))).toBe(false);
    expect((await accounts.listPeople()).map((p) => [p.name, p.role])).toEqual([
      ['alice', 'admin'],
      ['bob', 'viewer'],
    ]);
    expect(await accounts.countEnabledPeople()).toBe(2);
    const updated = await accounts.updatePerson('bob', { role: 'operator', disabled: true, updatedAt: '2025-01-02T00:00:00.000Z' });
    expect(updated).toMatchObject({
      name: 'bob',
      role: 'operator',
      disabled: true,
      updatedAt: '2025-01-02T00:00:00.000Z',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(await accounts.countEnabledPeople()).toBe(1);
    expect(await accounts.updatePerson('nobody', { role: 'admin' })).toBeNull();
    expect(await accounts.getPerson('nobody')).toBeNull();
  });

  it('finds tokens by hash, lists the live ones, revokes once', async () => {
    opened = await backend.open();
    const accounts = opened.store.accounts;
    await accounts.addPerson(person('carol'));
    const base = { person: 'carol', createdAt: '2025-01-01T00:00:00.000Z', lastUsedAt: null, revokedAt: null };
    await accounts.addToken({ ...base, id: 'tok_1', label: 'ci', tokenSha256: 'a'.repeat(64) });
    await accounts.addToken({ ...base, id: 'tok_2', label: 'laptop', tokenSha256: 'b'.repeat(64), createdAt: '2025-01-02T00:00:00.000Z' });
    expect((await accounts.findToken('a'.repeat(64)))?.id).toBe('tok_1');
    expect(await accounts.findToken('c'.repeat(64))).toBeNull();
    expect((await accounts.listTokens('carol')).map((t) => t.id)).toEqual(['tok_2', 'tok_1']);
    expect(await accounts.revokeToken('tok_1', '2025-01-03T00:00:00.000Z')).toBe(true);
    expect(await accounts.revokeToken('tok_1', '2025-01-04T00:00:00.000Z')).toBe(false);
    expect((await accounts.findToken('a'.repeat(64)))?.revokedAt).toBe('2025-01-03T00:00:00.000Z');
    expect((await accounts.listTokens('carol')).map((t) => t.id)).toEqual(['tok_2']);
    await accounts.touchToken('tok_2', '2025-01-05T00:00:00.000Z');
    expect((await accounts.getToken('tok_2'))?.lastUsedAt).toBe('2025-01-05T00:00:00.000Z');
  });

  it('keeps sessions by hash, touches, ends one, a person’s, and the expired', async () => {
    opened = await backend.open();
    const accounts = opened.store.accounts;
    await accounts.addPerson(person('dan'));
    await accounts.addPerson(person('eve'));
    const session = (idSha256: string, who: string, expiresAt: string) => ({
      idSha256,
      person: who,
      createdAt: '2025-01-01T00:00:00.000Z',
      expiresAt,
      lastSeenAt: '2025-01-01T00:00:00.000Z',
    });
    await accounts.addSession(session('s1', 'dan', '2025-01-01T12:00:00.000Z'));
    await accounts.addSession(session('s2', 'dan', '2025-01-02T12:00:00.000Z'));
    await accounts.addSession(session('s3', 'eve', '2025-01-02T12:00:00.000Z'));
    await accounts.touchSession('s3', '2025-01-01T01:00:00.000Z');
    expect((await accounts.findSession('s3'))?.lastSeenAt).toBe('2025-01-01T01:00:00.000Z');
    expect(await accounts.removeExpiredSessions('2025-01-01T13:00:00.000Z')).toBe(1);
    expect(await accounts.findSession('s1')).toBeNull();
    expect(await accounts.removeSessionsOf('dan')).toBe(1);
    await accounts.removeSession('s3');
    expect(await accounts.findSession('s2')).toBeNull();
    expect(await accounts.findSession('s3')).toBeNull();
  });

  it('reads the audit log by person: their entries and their tokens’, not a longer name’s', async () => {
    opened = await backend.open();
    const { audit, auditActors } = opened.store;
    let n = 0;
    const entry = (actor: string) =>
      audit.append({ id: `aud_${++n}`, at: '2025-01-01T00:00:00.000Z', actor, action: 'x', subject: null, summary: actor, details: {} });
    for (const actor of ['al', 'al (token “ci”)', 'alice', 'al_x', 'owner (console token)', 'al']) await entry(actor);
    expect((await auditActors.listBy('al', { limit: 10 })).map((r) => r.actor)).toEqual(['al', 'al (token “ci”)', 'al']);
    expect((await auditActors.listBy('al', { limit: 1 })).map((r) => r.id)).toEqual(['aud_6']);
    expect((await auditActors.listBy('owner', { limit: 10 })).map((r) => r.actor)).toEqual(['owner (console token)']);
    expect((await auditActors.listBy('a%', { limit: 10 })).length).toBe(0);
    expect(await auditActors.actors()).toEqual(['al', 'al (token “ci”)', 'al_x', 'alice', 'owner (console token)']);
  });
});
