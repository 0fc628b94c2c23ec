/** What the team-server fault tests share: reading the database directly, waiting, and a steady stream of webhooks. */
import { createServer, type Server } from 'node:http';
import pg from 'pg';

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 1000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Answer {
  /** The listener's base URL the post went to. */
  target: string;
  /** The HTTP status, or null when there was no answer (connection refused or reset). */
  status: number | null;
  /** The stored delivery's id, from a 2xx answer. */
  id: string | null;
  /** When the post was sent and when its answer (or failure) came, by Date.now(). */
  sentAt: number;
  at: number;
  /** Why there was no answer. */
  error?: string;
}

/**
 * `workers` loops each posting one Calypso webhook after another, round robin over the listeners
 * in `targets()` (read before every post, so a test can drop a dead one), until stopped.
 */
export function startLoad(targets: () => readonly string[], workers = 4): { answers: Answer[]; stop(): Promise<Answer[]> } {
  const answers: Answer[] = [];
  let stopped = false;
  let n = 0;
  const loop = async () => {
    while (!stopped) {
      const list = targets();
      const i = n++;
      const target = list[i % list.length]!;
      const sentAt = Date.now();
      const body = JSON.stringify({ eventType: 'INVOICE_PAID', data: { externalId: `ext-load-${i}`, amount: '10.00', currency: 'USD' } });
      try {
        const response = await fetch(`${target}/webhooks/calypso`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        const id = response.ok ? ((JSON.parse(text) as { id?: string }).id ?? null) : null;
        answers.push({ target, status: response.status, id, sentAt, at: Date.now() });
        // A refusal is retried later by a real provider: a short pause, not a hot loop.
        if (!response.ok) await sleep(50);
      } catch (error) {
        const cause = (error as Error & { cause?: Error }).cause;
        answers.push({ target, status: null, id: null, sentAt, at: Date.now(), error: `${(error as Error).message}${cause ? `: ${cause.message}` : ''}` });
        await sleep(50);
      }
    }
  };
  const running = Array.from({ length: workers }, loop);
  return {
    answers,
    async stop() {
      stopped = true;
      await Promise.all(running);
      return answers;
    },
  };
}

/** The merchant's backend for the relay: answers 200 after `delayMs`, and keeps every delivery id it was sent. */
export async function startBackend(delayMs: number): Promise<{ url: string; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = request.headers['x-gatewatch-delivery-id'];
      setTimeout(() => {
        if (typeof id === 'string') received.push(id);
        response.writeHead(200).end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
