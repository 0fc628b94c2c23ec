/**
 * Crash safety: serve mode is killed with SIGKILL while a client is posting; every delivery it
 * acknowledged must be there after a restart on the same data dir, and the store must open
 * cleanly (integrity check, derivation picks up where it stopped).
 */
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startServe, type ServeProcess } from './harness.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('gatewatch-crash-');
afterAll(() => dir.remove());

const TOKEN = 'e2e-token-0123456789abcdef';

async function api<T>(serve: ServeProcess, name: string, input: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${new URL(serve.consoleUrl).origin}/api/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Posts from `workers` loops until stopped; returns every id the listener answered with. */
function postUntilKilled(serve: ServeProcess, workers: number): { answered: string[]; stop: () => Promise<void> } {
  const answered: string[] = [];
  let running = true;
  let n = 0;
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      const body = JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { pid: `crash-${n++}`, fiatAmount: '170.00' } });
      try {
        const response = await fetch(`${serve.webhookBaseUrl}/webhooks/paychant`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
        if (response.status === 200) answered.push(((await response.json()) as { id: string }).id);
      } catch {
        // The process died mid-request: that request was never acknowledged.
      }
    }
  });
  return {
    answered,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('crash safety', () => {
  it('keeps every acknowledged delivery across a SIGKILL mid-load', async () => {
    const first = await startServe({ dataDir: dir.path });
    // All the load comes from one address: without this, the per-sender rate limit answers most of it 429.
    expect((await api(first, 'listener.configure', { rateLimit: null })).status).toBe(200);
    const client = postUntilKilled(first, 16);
    while (client.answered.length < 1_500) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await first.stop('SIGKILL')).toBeNull();
    await client.stop();
    const answered = [...client.answered];

    // Opens cleanly: SQLite's own check, straight on the file the killed process left.
    const db = new Database(join(dir.path, 'gatewatch.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(db.prepare('SELECT id FROM deliveries').pluck().all() as string[]);
    db.close();
    const missing = answered.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);

    const second = await startServe({ dataDir: dir.path });
    try {
      // The console answers for them, and derivation resumes for rows the crash left underived.
      for (const id of answered.slice(-20)) expect((await api(second, 'deliveries.get', { id })).status).toBe(200);
      const deadline = Date.now() + 20_000;
      let pending = -1;
      while (Date.now() < deadline) {
        pending = (await api<{ total: number }>(second, 'deliveries.list', { verification: 'pending', limit: 1 })).body.total;
        if (pending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(pending).toBe(0);
    } finally {
      await second.stop();
    }
  });
});
