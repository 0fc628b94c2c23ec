/**
 * Keys that leaked into stored records before answers were masked (issue 12, item 1) stay in
 * databases written then. At start they are masked there once, and the file is rebuilt so that
 * no free space keeps them: after a start, no API output and no byte of the data dir holds them.
 * SQLite only: no PostgreSQL store was written before the fix, and rebuilding the file is SQLite's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import { SecretVault } from '../../src-main/secrets/vault.js';
import { serveModeCipher } from '../../src-main/app/cipher-choice.js';
import { REBUILD_LIMIT_BYTES, REMASK_KEY, remaskStoredEchoes } from '../../src-main/secrets/remask-stored.js';
import type { StoreMaintenance } from '../../src-main/store/maintenance-types.js';
import type { Session } from '../../src-shared/sessions/domain.js';
import type { ReplayAttemptRecord } from '../../src-main/store/replay-types.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { tempDir } from '../helpers/temp.js';

const apiKey = 'sk_live/Leaked+Instap 9=Qz7Wk';
const webhookSecret = 'whsec/Leaked"Paychant+4Xn';

/** How an echo may have been stored before it was masked: as typed, JSON- and PHP-escaped, URL-encoded, base64. */
function echoedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    secret,
    json,
    json.replace(/\//g, '\\/'),
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ];
}
const allForms = [...new Set([apiKey, webhookSecret].flatMap(echoedForms).flatMap((f) => [f, JSON.stringify(f).slice(1, -1)]))];

const said = `HTTP 401: the provider refused the credentials. The provider said: Invalid API key ${apiKey}`;
const echoBody = (secret: string) =>
  `{"message":"Invalid API key ${echoedForms(secret)[2]}","cb":"?k=${encodeURIComponent(secret)}","t":"${Buffer.from(secret).toString('base64')}"}`;

/** Records as they were written before the fix: the key in the error sentence, encoded echoes in the bodies. */
function leakedSession(): Session {
  const at = '2026-10-01T10:00:00.000Z';
  return {
    id: 'ses_leaked_1',
    provider: 'instap',
    environment: 'production',
    kind: 'session',
    createdAt: at,
    updatedAt: at,
    outcome: 'failed',
    status: 'failed',
    providerState: null,
    providerSessionId: null,
    links: [],
    correlationKeys: [{ kind: 'userId', value: 'leak-user-1' }],
    payload: { userId: 'leak-user-1' },
    error: said,
    assumptions: [],
    calls: [
      {
        id: 'call_1',
        kind: 'create',
        at,
        request: { method: 'POST', url: 'https://api.example/session', headers: [['x-api-key', '••••7Wk']], body: '{}' },
        response: {
          status: 401,
          headers: [['www-authenticate', `Basic ${Buffer.from(`m:${apiKey}`).toString('base64')}`]],
          body: echoBody(apiKey),
          durationMs: 12,
        },
        ok: false,
        error: said,
        providerState: null,
        status: null,
      },
    ],
    fingerprint: 'fp-leaked-1',
  };
}

function leakedAttempt(): ReplayAttemptRecord {
  return {
    id: 'rpa_leaked_1',
    targetId: 'rpt_1',
    deliveryId: 'dlv_leaked_1',
    provider: 'paychant',
    target: { id: 'rpt_1', name: 'staging', url: 'http://127.0.0.1:9/hook' },
    jobId: null,
    sentHeaders: [['content-type', 'application/json']],
    sentBody: null,
    bodyEdited: false,
    headersEdited: false,
    sentBodySha256: '0'.repeat(64),
    resigned: false,
    startedAt: '2026-10-01T10:05:00.000Z',
    finishedAt: '2026-10-01T10:05:00.100Z',
    durationMs: 100,
    outcome: 'failed',
    response: { status: 401, statusText: 'Unauthorized', headers: [['x-echo', webhookSecret]], body: echoBody(webhookSecret), bodyTruncated: false, size: 120 },
    error: 'the target answered HTTP 401 Unauthorized',
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A data dir as a build from before the fix left it. */
async function preFixDataDir(): Promise<string> {
  const dir = tempDir('gatewatch-remask-');
  cleanups.push(() => dir.remove());
  const store = createSqliteStore(dir.path);
  const vault = new SecretVault(store.secrets, serveModeCipher(dir.path, {}), store.settings);
  await vault.set('provider:instap', 'apiKey', 'production', apiKey);
  await vault.set('provider:paychant', 'webhookSecret', 'production', webhookSecret);
  // Refreshed once: the first, longer version of the record (its overflow pages) is left in the file's free pages.
  await store.sessions.save({ ...leakedSession(), assumptions: Array.from({ length: 40 }, (_, i) => `${i}: ${said}`) });
  await store.sessions.save(leakedSession());
  await store.sessions.saveTxLookup({
    id: 'txl_leaked_1',
    at: '2026-10-01T10:01:00.000Z',
    provider: 'instaxchange',
    withdrawTxId: 'wd_1',
    currency: null,
    hash: null,
    explorerUrl: null,
    sessionId: 'ses_leaked_1',
    deliveryId: null,
    pathTemplate: '/api/withdraw/{withdrawTxId}/hash',
    request: null,
    response: { status: 401, headers: [], body: echoBody(apiKey), durationMs: 9 },
    ok: false,
    error: said,
  });
  await store.audit.append({
    id: 'aud_leaked_1',
    at: '2026-10-01T10:00:01.000Z',
    actor: 'console',
    action: 'session.create',
    subject: 'ses_leaked_1',
    summary: `Created an instap session: failed: ${said}`,
    details: { error: said, response: echoBody(apiKey) },
  });
  await store.replay.insertAttempt(leakedAttempt());
  await store.close();
  return dir.path;
}

function bytesOfDataDir(dataDir: string): Buffer {
  return Buffer.concat(readdirSync(dataDir).map((file) => readFileSync(join(dataDir, file))));
}

describe('credentials that leaked into stored records before the fix', () => {
  it('are masked at start, once, in every API output and every byte of the data dir', async () => {
    const dataDir = await preFixDataDir();
    const before = bytesOfDataDir(dataDir);
    expect(allForms.filter((form) => before.includes(Buffer.from(form))).length).toBeGreaterThan(3); // the leak is real

    const logged: string[] = [];
    let gw: TestConsole | null = await startTestConsole({ dataDir }, { log: (line) => logged.push(line) });
    cleanups.push(() => gw?.close({ keepData: true }));
    const outputs = [];
    for (const [name, input] of [
      ['sessions.list', { limit: 100 }],
      ['sessions.get', { id: 'ses_leaked_1' }],
      ['audit.list', { limit: 100 }],
      ['replay.attempts', { deliveryId: 'dlv_leaked_1', limit: 10 }],
      ['timeline.get', { key: 'leak-user-1' }],
    ] as const) {
      const { status, body } = await gw.api(name, input);
      expect(status, `${name}: ${JSON.stringify(body)}`).toBe(200);
      outputs.push(JSON.stringify(body));
    }
    const text = [...outputs, ...logged].join('\n');
    for (const form of allForms) expect.soft(text.includes(form), `API or log shows ${form}`).toBe(false);
    // What is shown instead: the masked form, and the session is still found by its key.
    expect(outputs[1]).toContain('Invalid API key ••••z7Wk');
    expect(outputs[4]).toContain('ses_leaked_1');
    expect(logged).toContain('Masked the stored credentials found in 4 records (sessions, tx lookups, audit entries, replay attempts).');
    expect(await gw.gatewatch.store.settings.get(REMASK_KEY)).toMatchObject({ version: 1, recordsChanged: 4, compaction: 'rebuilt' });

    await gw.close({ keepData: true });
    gw = null;
    const after = bytesOfDataDir(dataDir);
    for (const form of allForms) expect.soft(after.includes(Buffer.from(form)), `data dir holds ${form}`).toBe(false);

    // Once only: the next start does not rewrite or rebuild again.
    const again: string[] = [];
    gw = await startTestConsole({ dataDir }, { log: (line) => again.push(line) });
    expect(again.filter((line) => /Masked the stored credentials/.test(line))).toEqual([]);
  });
});

describe('the re-masking step on a large store', () => {
  function fakes(databaseBytes: number) {
    const calls: string[] = [];
    const settings = new Map<string, unknown>();
    const maintenance: StoreMaintenance = {
      rewriteRecordedText: async (rewrite) => {
        calls.push(`rewrite ${rewrite(`key=${apiKey}`)}`);
        return 3;
      },
      databaseBytes: async () => databaseBytes,
      rebuild: async () => void calls.push('rebuild'),
      dropFreePages: async () => void calls.push('drop free pages'),
    };
    const logged: string[] = [];
    const deps = {
      secrets: async () => [apiKey],
      settings: { get: async (key: string) => settings.get(key), set: async (key: string, value: unknown) => void settings.set(key, value) },
      maintenance,
      log: (line: string) => logged.push(line),
    };
    return { deps, calls, settings, logged };
  }

  it('rebuilds a store up to the limit; above it drops the free pages only, and says what is left and how to remove it', async () => {
    const small = fakes(REBUILD_LIMIT_BYTES);
    await remaskStoredEchoes(small.deps);
    expect(small.calls).toEqual(['rewrite key=••••z7Wk', 'rebuild']);

    const large = fakes(REBUILD_LIMIT_BYTES + 1);
    await remaskStoredEchoes(large.deps);
    expect(large.calls).toEqual(['rewrite key=••••z7Wk', 'drop free pages']);
    expect(large.logged[0]).toMatch(
      /was not rebuilt at start: free space inside its pages may still hold credentials .* sqlite3 <data dir>\/gatewatch\.db VACUUM$/,
    );
    expect(large.settings.get(REMASK_KEY)).toMatchObject({ version: 1, recordsChanged: 3, compaction: 'free pages dropped' });
    for (const line of large.logged) expect(line).not.toContain(apiKey);

    // Recorded: not run again.
    await remaskStoredEchoes(large.deps);
    expect(large.calls).toHaveLength(2);
  });

  it('with no stored secret there is nothing to mask: it is only recorded', async () => {
    const empty = fakes(1024);
    empty.deps.secrets = async () => [];
    await remaskStoredEchoes(empty.deps);
    expect(empty.calls).toEqual([]);
    expect(empty.settings.get(REMASK_KEY)).toMatchObject({ version: 1, recordsChanged: 0, compaction: 'none' });
  });
});
