import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { deriveDelivery } from '../../src-main/pipeline/derive.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { newId } from '../../src-main/store/ids.js';
import type { NewDelivery } from '../../src-main/store/types.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { ReplayTargetView } from '../../src-shared/contract/replay.js';
import { buildTemplates } from '../../bench/search/corpus.js';
import { deliveryMaker } from '../../bench/disk/traffic.js';
import { insertAsRelease, openReleaseStore, saveDerivedAsRelease } from '../helpers/release-store.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';
import { tempDir } from '../helpers/temp.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const SECRET = { label: 'bench', value: 'bench-webhook-secret-0123456789', key: 'bench-public-key' };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Deliveries of every provider, plus the odd ones: refused (no body), empty, not UTF-8. */
async function releaseDeliveries(): Promise<NewDelivery[]> {
  const make = deliveryMaker(await buildTemplates());
  const odd = (body: Buffer | null, rejected: NewDelivery['rejected'] = null): NewDelivery => ({
    ...make(0),
    id: newId('dlv'),
    body,
    size: body?.byteLength ?? 2_000_000,
    bodySha256: body === null ? null : sha(body),
    rejected,
  });
  return [
    ...Array.from({ length: 60 }, (_, n) => make(n + 1)),
    odd(null, { httpStatus: 413, reason: 'body over the limit' }),
    odd(Buffer.alloc(0)),
    odd(Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x22, 0x7d, 0x0d, 0x0a])),
  ];
}

interface Before {
  id: string;
  seq: number;
  bodySha: string | null;
  headers: string;
  verification: string | null;
  normalized: string | null;
  keys: Array<{ kind: string; value: string }>;
}

describe('migrating a store of the previous release to the compact layout', () => {
  it('keeps every body byte for byte (view, export, replay, derivation) and every derived field', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const db = openReleaseStore(dir.path);
    const deliveries = await releaseDeliveries();
    // Two thirds derived by the release, the rest still waiting for derivation.
    for (const [index, delivery] of deliveries.entries()) {
      const seq = insertAsRelease(db, delivery);
      if (index % 3 === 2) continue;
      const derived = await deriveDelivery(delivery, {
        adapterFor: (p) => (p === 'unknown' ? undefined : providerAdapters[p]),
        webhookSecrets: async () => [SECRET],
      });
      saveDerivedAsRelease(db, seq, delivery.provider, derived);
    }
    const before = new Map<string, Before>();
    for (const row of db.prepare('SELECT seq, id, headers, body, verification, normalized FROM deliveries').all() as Array<{
      seq: number;
      id: string;
      headers: string;
      body: Buffer | null;
      verification: string | null;
      normalized: string | null;
    }>) {
      const keys = db.prepare('SELECT kind, value FROM correlation_keys WHERE delivery_seq = ? ORDER BY kind, value').all(row.seq) as Before['keys'];
      before.set(row.id, {
        id: row.id,
        seq: row.seq,
        bodySha: row.body === null ? null : sha(row.body),
        headers: row.headers,
        verification: row.verification,
        normalized: row.normalized,
        keys,
      });
    }
    db.close();
    expect(before.size).toBe(deliveries.length);

    const gw: TestConsole = await startTestConsole({ dataDir: dir.path });
    cleanups.push(() => gw.close({ keepData: true }));
    const staging: StagingServer = await startStagingServer();
    cleanups.push(() => staging.close());
    const target = (await gw.api<ReplayTargetView>('replay.targets.save', { name: 'staging', url: staging.url('/ok') })).body;

    const store = gw.gatewatch.store;
    for (const b of before.values()) {
      // Read straight from the store: the request as it was, the derived JSON as it was.
      const stored = (await store.deliveries.get(b.id))!;
      expect(stored.body === null ? null : sha(stored.body)).toBe(b.bodySha);
      expect(JSON.stringify(stored.headers)).toBe(b.headers);
      if (b.verification !== null) {
        expect(stored.derived!.verification).toEqual(JSON.parse(b.verification));
        expect(stored.derived!.normalized).toEqual(b.normalized === null ? null : JSON.parse(b.normalized));
        expect(stored.derived!.correlationKeys).toEqual(b.keys);
      }
      // The delivery view and its JSON export carry the body as base64.
      const view = (await gw.api<DeliveryDetail>('deliveries.get', { id: b.id })).body;
      expect(b.bodySha === null ? view.body : sha(Buffer.from(view.bodyBase64, 'base64'))).toBe(b.bodySha);
      // Replay sends the stored bytes.
      if (b.bodySha !== null) {
        const sent = staging.requests.length;
        expect((await gw.api('replay.send', { deliveryId: b.id, targetId: target.id, confirm: true })).status).toBe(200);
        expect(sha(staging.requests[sent]!.body)).toBe(b.bodySha);
      }
    }
    // The inbox row still names the secret that verified it.
    const rows = new Map((await store.deliveries.list({ limit: 500 })).items.map((item) => [item.id, item]));
    for (const b of before.values()) {
      const label = b.verification === null ? null : ((JSON.parse(b.verification) as { secretLabel?: string }).secretLabel ?? null);
      expect(rows.get(b.id)!.secretLabel).toBe(label);
    }
    expect([...rows.values()].some((row) => row.secretLabel === 'bench')).toBe(true);
    // A timeline still finds deliveries by their keys.
    const keyed = [...before.values()].find((b) => b.keys.length > 0)!;
    const timeline = (await gw.api<{ items: Array<{ kind: string; id?: string }> }>('timeline.get', { key: keyed.keys[0]!.value })).body;
    expect(JSON.stringify(timeline)).toContain(keyed.id);

    // Derivation reads the migrated rows too: the pending third is derived, nothing changes its bytes.
    await gw.gatewatch.worker.idle();
    expect((await store.deliveries.list({ verification: 'pending', limit: 1 })).total).toBe(0);
    for (const b of before.values()) {
      const stored = (await store.deliveries.get(b.id))!;
      expect(stored.body === null ? null : sha(stored.body)).toBe(b.bodySha);
      expect(stored.derived).not.toBeNull();
    }
  });
});
