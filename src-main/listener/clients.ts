/** Per-sender accounting for the listener: open sockets, bytes in flight, a token bucket, refusals. */

export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** Refusals of one kind recorded at most this often per sender, so refusing cannot fill the disk. */
const RECORD_REFUSAL_EVERY_MS = 1_000;

export class ClientState {
  connections = 0;
  inFlightBytes = 0;
  private tokens = Number.POSITIVE_INFINITY;
  private refilledAt = 0;
  private lastRecordedRefusalAt = Number.NEGATIVE_INFINITY;
  private unrecordedRefusals = 0;

  /** Takes one request from the bucket: 0 when allowed, otherwise the seconds until one is. */
  take(limit: RateLimit, now: number): number {
    this.tokens = Math.min(limit.burst, this.tokens + ((now - this.refilledAt) * limit.perSecond) / 1000);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / limit.perSecond));
  }

  /**
   * Whether to record this refusal: null when one was recorded within the last second (it is
   * counted instead), otherwise how many went unrecorded since the previous record.
   */
  refusalToRecord(now: number): number | null {
    if (now - this.lastRecordedRefusalAt < RECORD_REFUSAL_EVERY_MS) {
      this.unrecordedRefusals += 1;
      return null;
    }
    const skipped = this.unrecordedRefusals;
    this.unrecordedRefusals = 0;
    this.lastRecordedRefusalAt = now;
    return skipped;
  }

  /**
   * Nothing open, nothing owed: the entry can go (a new one starts with a full bucket). Refusals
   * left unrecorded then go uncounted per sender; the listener's own total still has them.
   */
  idle(now: number, limit: RateLimit | null): boolean {
    if (this.connections > 0 || this.inFlightBytes > 0) return false;
    if (now - this.lastRecordedRefusalAt < RECORD_REFUSAL_EVERY_MS) return false;
    if (limit === null) return true;
    return this.tokens + ((now - this.refilledAt) * limit.perSecond) / 1000 >= limit.burst;
  }
}

/** Senders by address key; entries are dropped once idle, so rotating addresses cannot grow it for long. */
export class ClientTable {
  private readonly clients = new Map<string, ClientState>();

  get(key: string): ClientState {
    let client = this.clients.get(key);
    if (client === undefined) {
      client = new ClientState();
      this.clients.set(key, client);
    }
    return client;
  }

  get size(): number {
    return this.clients.size;
  }

  sweep(now: number, limit: RateLimit | null): void {
    for (const [key, client] of this.clients) if (client.idle(now, limit)) this.clients.delete(key);
  }
}
