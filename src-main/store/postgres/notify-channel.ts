import pg from 'pg';

const CHANNEL = 'gatewatch_events';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7_900;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 5_000;

export interface NotifyChannelOptions {
  /**
   * How often the listening connection is asked a trivial question, and how long the answer may
   * take: a connection that went silent (a network partition) says nothing by itself, and TCP
   * would take many minutes to notice, with every push lost meanwhile.
   */
  pingEveryMs: number;
  pingTimeoutMs: number;
}

const DEFAULT_OPTIONS: NotifyChannelOptions = { pingEveryMs: 15_000, pingTimeoutMs: 5_000 };

/**
 * Messages between the instances sharing a database, over LISTEN/NOTIFY. Each message carries
 * its sender's id, so an instance hears only the others. The listening connection is its own
 * (a pool's connections come and go); when it is lost (the server restarts), it is opened again
 * with a growing pause, and what was said meanwhile is lost: pushes are hints, the store is the truth
 * (onListeningAgain tells who must read it again).
 */
export class NotifyChannel {
  private readonly listeners = new Set<(message: string) => void>();
  private readonly relistenListeners = new Set<() => void>();
  /** The channel was lost (or could not listen at first) since it last listened: messages went unheard. */
  private deaf = false;
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = RECONNECT_MIN_MS;
  private timer: NodeJS.Timeout | null = null;
  private pinger: NodeJS.Timeout | null = null;
  private readonly options: NotifyChannelOptions;

  constructor(
    private readonly url: string,
    private readonly pool: pg.Pool,
    private readonly instanceId: string,
    private readonly log: (message: string) => void,
    options: Partial<NotifyChannelOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  /** Starts listening; resolves once the first LISTEN is in (or failed: it is tried again meanwhile). */
  async start(): Promise<void> {
    await this.connect();
  }

  onMessage(listener: (message: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called each time the channel listens again after it was lost (or could not listen at first). */
  onListeningAgain(listener: () => void): () => void {
    this.relistenListeners.add(listener);
    return () => this.relistenListeners.delete(listener);
  }

  async broadcast(message: string): Promise<void> {
    const payload = JSON.stringify({ from: this.instanceId, message });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`a message of ${Buffer.byteLength(payload)} bytes is too long to NOTIFY`);
    await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.stopPinging();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000, keepAlive: true, application_name: 'gatewatch-listen' });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.deaf = true;
      this.stopPinging();
      client.end().catch(() => {});
      if (!this.closed) {
        this.log(`the database's event channel was lost (${error?.message ?? 'closed'}); listening again shortly`);
        this.retry();
      }
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (note) => {
      if (note.channel !== CHANNEL || !note.payload) return;
      let parsed: { from?: unknown; message?: unknown };
      try {
        parsed = JSON.parse(note.payload) as typeof parsed;
      } catch {
        return;
      }
      if (parsed.from === this.instanceId || typeof parsed.message !== 'string') return;
      for (const listener of this.listeners) {
        try {
          listener(parsed.message);
        } catch {
          // One broken listener must not stop the others.
        }
      }
    });
    try {
      this.client = client;
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.retryMs = RECONNECT_MIN_MS;
      this.startPinging(client, lost);
      if (this.deaf) {
        this.deaf = false;
        for (const listener of this.relistenListeners) {
          try {
            listener();
          } catch {
            // One broken listener must not stop the others.
          }
        }
      }
    } catch (error) {
      if (this.client === client) {
        this.client = null;
        this.deaf = true;
        await client.end().catch(() => {});
        this.retry();
      }
      if (!this.closed) this.log(`could not listen to the database's event channel (${(error as Error).message}); trying again`);
    }
  }

  private startPinging(client: pg.Client, lost: (error?: Error) => void): void {
    this.stopPinging();
    this.pinger = setInterval(() => {
      // query_timeout is the driver's own per-query limit (not in @types/pg's QueryConfig).
      const ping: pg.QueryConfig = { text: 'SELECT 1', query_timeout: this.options.pingTimeoutMs } as pg.QueryConfig;
      client.query(ping).catch((error: Error) => lost(error));
    }, this.options.pingEveryMs);
    this.pinger.unref();
  }

  private stopPinging(): void {
    if (this.pinger) clearInterval(this.pinger);
    this.pinger = null;
  }

  private retry(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }
}
