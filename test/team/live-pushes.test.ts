/**
 * Two serve processes on one database: a delivery received by instance A shows in the event
 * stream of a console connected to instance B (LISTEN/NOTIFY), received and then derived.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';
import { tempDir } from '../helpers/temp.js';
import { startServe, TOKEN, type ServeChild } from './serve-child.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Reads a console's event stream (`GET /api/events`), keeping every event it pushes. */
async function eventStream(serve: ServeChild): Promise<{ events: Array<{ type: string; ids?: string[] }>; close(): void }> {
  const abort = new AbortController();
  const response = await fetch(`${serve.consoleOrigin}/api/events`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: abort.signal });
  expect(response.status).toBe(200);
  const events: Array<{ type: string; ids?: string[] }> = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith('data: ')) events.push(JSON.parse(frame.slice(6)));
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return { events, close: () => abort.abort() };
}

describe.skipIf(sharedCluster() === null)('live pushes across instances', { timeout: 60_000 }, () => {
  it("shows a delivery received by one instance in the other's console, received then derived", async () => {
    const url = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(url));
    const dir = tempDir('gatewatch-team-push-');
    cleanups.push(() => dir.remove());
    const common = ['--database', url, '--key-file', join(dir.path, 'team.key')];
    const a = await startServe(['--data', join(dir.path, 'a'), ...common]);
    cleanups.push(() => a.stop());
    const b = await startServe(['--data', join(dir.path, 'b'), ...common]);
    cleanups.push(() => b.stop());
    const onB = await eventStream(b);
    cleanups.push(() => onB.close());

    const answer = await fetch(`${a.webhookBaseUrl}/webhooks/calypso`, {
      method: 'POST',
      body: '{"eventType":"INVOICE_PAID","data":{"externalId":"ext-push"}}',
    });
    const { id } = (await answer.json()) as { id: string };
    const has = (type: string) => onB.events.some((event) => event.type === type && event.ids?.includes(id));
    const deadline = Date.now() + 15_000;
    while (!(has('deliveries.received') && has('deliveries.updated')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect({ received: has('deliveries.received'), derived: has('deliveries.updated') }).toEqual({ received: true, derived: true });
    // B reads it from the shared store, as its console would on that push.
    const got = await b.api<{ id: string }>('deliveries.get', { id });
    expect(got.id).toBe(id);
  });
});
