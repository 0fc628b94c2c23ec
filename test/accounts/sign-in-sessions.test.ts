/**
 * People's sessions: kept by the SHA-256 of their id only, ended after 12 hours whatever happens,
 * after 2 hours without a request, when the person is disabled, and by sign-out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAccounts } from '../../src-main/accounts/accounts.js';
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS } from '../../src-main/accounts/sign-in-sessions.js';
import { AuditLog } from '../../src-main/services/audit.js';
import { storeBackends, type OpenedStore } from '../helpers/store-backends.js';

let opened: OpenedStore | null = null;
afterEach(async () => {
  await opened?.store.close();
  await opened?.remove();
  opened = null;
});

describe.each(storeBackends)('sign-in sessions on $name', (backend) => {
  async function setUp() {
    opened = await backend.open();
    let now = Date.parse('2025-03-01T08:00:00.000Z');
    const accounts = createAccounts({ store: opened.store.accounts, audit: new AuditLog(opened.store.audit), now: () => new Date(now) });
    await accounts.people.add({ name: 'sam', role: 'operator', password: 'sam’s long password' });
    return { accounts, advance: (ms: number) => (now += ms) };
  }

  it('speaks for the person with their role of the moment, and keeps only a hash of the id', async () => {
    const { accounts } = await setUp();
    const id = await accounts.sessions.open('sam');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await accounts.sessions.callerFor(id)).toEqual({ kind: 'person', name: 'sam', role: 'operator', tokenLabel: null });
    await opened!.store.accounts.updatePerson('sam', { role: 'viewer' });
    expect((await accounts.sessions.callerFor(id))?.role).toBe('viewer');
    expect(await opened!.store.accounts.findSession(createHash('sha256').update(id).digest('hex'))).not.toBeNull();
    if (backend.name === 'sqlite') {
      for (const file of ['gatewatch.db', 'gatewatch.db-wal']) expect(readFileSync(join(opened!.dataDir, file)).includes(id)).toBe(false);
    }
  }, 20_000);

  it('ends after two quiet hours, and after twelve hours however busy', async () => {
    const { accounts, advance } = await setUp();
    const quiet = await accounts.sessions.open('sam');
    advance(SESSION_IDLE_MS - 60_000);
    expect(await accounts.sessions.callerFor(quiet)).not.toBeNull();
    advance(SESSION_IDLE_MS);
    expect(await accounts.sessions.callerFor(quiet)).toBeNull();

    const busy = await accounts.sessions.open('sam');
    for (let elapsed = 0; elapsed < SESSION_LIFETIME_MS - 30 * 60_000; elapsed += 30 * 60_000) {
      advance(30 * 60_000);
      expect(await accounts.sessions.callerFor(busy)).not.toBeNull();
    }
    advance(30 * 60_000);
    expect(await accounts.sessions.callerFor(busy)).toBeNull();
  }, 20_000);

  it('ends at sign-out, when the person is disabled, and when their password is reset', async () => {
    const { accounts } = await setUp();
    const a = await accounts.sessions.open('sam');
    await accounts.sessions.close(a);
    expect(await accounts.sessions.callerFor(a)).toBeNull();
    const b = await accounts.sessions.open('sam');
    await accounts.people.add({ name: 'ada', role: 'admin', password: 'ada’s long password' });
    await accounts.people.disable('sam', { kind: 'person', name: 'ada', role: 'admin', tokenLabel: null });
    expect(await accounts.sessions.callerFor(b)).toBeNull();
    await accounts.people.enable('sam');
    const c = await accounts.sessions.open('sam');
    await accounts.people.resetPassword('sam', 'a brand new password');
    expect(await accounts.sessions.callerFor(c)).toBeNull();
  }, 30_000);
});
