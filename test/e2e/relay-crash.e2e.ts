/**
 * The relay queue is at least once across a SIGKILL: serve mode is killed while it drains a
 * queue into a slow backend; after a restart on the same data dir every acknowledged delivery
 * reaches the backend, and the only ones it receives twice are those in flight at the kill
 * (claimed by the dead process: sent, or being sent, but not recorded as delivered), at most the
 * route's concurrency.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startServe, type ServeProcess } from './harness.js';
import { tempDir } from '../helpers/temp.js';
import { startFakeBackend } from '../fakes/backend.js';

const dir = tempDir('gatewatch-relay-crash-');
afterAll(() => dir.remove());

const TOKEN = 'e2e-token-0123456789abcdef';
const CONCURRENCY = 4;

async function api<T>(serve: ServeProcess, name: string, input: unknown): Promise<T> {
  const response = await fetch(`${new URL(serve.consoleUrl).origin}/api/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as T;
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

describe('relay queue across a SIGKILL', () => {
  it('delivers the rest after a restart; duplicates are only the deliveries in flight at the kill', { timeout: 120_000 }, async () => {
    const backend = await startFakeBackend();
    // Slow enough that the kill lands mid-queue: about 4 × 40 deliveries a second.
    backend.answer = () => ({ status: 200, body: '{"ok":true}', delayMs: 25 });
    const first = await startServe({ dataDir: dir.path });
    await api(first, 'listener.configure', { rateLimit: null });
    await api(first, 'relay.routes.save', { provider: 'paychant', url: backend.url('/crash'), mode: 'queue', concurrency: CONCURRENCY });

    const acknowledged: string[] = [];
    for (let i = 0; i < 600; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, async (_, j) => {
          const body = JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { pid: `relay-crash-${i + j}` } });
          const response = await fetch(`${first.webhookBaseUrl}/webhooks/paychant`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
          return response.status === 200 ? ((await response.json()) as { id: string }).id : null;
        }),
      );
      acknowledged.push(...batch.filter((id): id is string => id !== null));
    }
    expect(acknowledged).toHaveLength(600);
    await backend.waitFor(150, 30_000);
    expect(await first.stop('SIGKILL')).toBeNull();
    const receivedBeforeKill = backend.requests.length;

    // What the dead process held: claimed (locked) and not recorded as delivered.
    const db = new Database(join(dir.path, 'gatewatch.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const inFlight = new Set(db.prepare("SELECT delivery_id FROM relay_jobs WHERE state = 'pending' AND locked_by IS NOT NULL").pluck().all() as string[]);
    const stillQueued = db.prepare("SELECT count(*) FROM relay_jobs WHERE state = 'pending'").pluck().get() as number;
    db.close();
    expect(receivedBeforeKill).toBeLessThan(600);
    expect(stillQueued).toBeGreaterThan(0);
    // Claimed ahead: at most twice the concurrency is locked, and at most the concurrency was being sent.
    expect(inFlight.size).toBeLessThanOrEqual(2 * CONCURRENCY);

    const second = await startServe({ dataDir: dir.path });
    try {
      const ids = () => backend.requests.map((r) => r.header('x-gatewatch-delivery-id')!);
      const deadline = Date.now() + 60_000;
      while (new Set(ids()).size < acknowledged.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const received = ids();
      expect(acknowledged.filter((id) => !received.includes(id))).toEqual([]);
      const counts = new Map<string, number>();
      for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
      const duplicates = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
      expect(duplicates.filter((id) => !inFlight.has(id))).toEqual([]);
      expect(duplicates.every((id) => counts.get(id) === 2)).toBe(true);
      expect(duplicates.length).toBeLessThanOrEqual(CONCURRENCY);
      console.log(`relay crash: ${receivedBeforeKill} received before the kill, ${inFlight.size} in flight at it, ${duplicates.length} received twice`);
      // The backend counts a request as it arrives; its answer (25 ms later) is what records it as
      // delivered, so the last few are recorded just after the loop above saw them arrive.
      const deliveredTotal = async () => (await api<{ total: number }>(second, 'deliveries.list', { relay: 'delivered', limit: 1 })).total;
      let delivered = await deliveredTotal();
      for (const until = Date.now() + 10_000; delivered < 600 && Date.now() < until; delivered = await deliveredTotal()) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(delivered).toBe(600);
    } finally {
      await second.stop();
      await backend.close();
    }
  });
});
