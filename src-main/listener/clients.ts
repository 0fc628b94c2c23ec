/** Per-sender accounting for the listener: open sockets, bytes in flight, a token bucket, refusals. */

export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** Refusals of one kind recorded at most this often per sender, so refusing cannot fill the disk. */
const RECORD_REFUSAL_EVERY_MS = 1_000;

interface RefusalRecords {
  lastRecordedAt: number;
  unrecorded: number;
}

export class ClientState {
  connections = 0;
  inFlightBytes = 0;
  private tokens = Number.POSITIVE_INFINITY;
  private refilledAt = 0;
  /** By HTTP status: each kind of refusal is coalesced on its own, so one never hides another. */
  private readonly refusals = new Map<number, RefusalRecords>();

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
   * Whether to record this refusal (`httpStatus` is its kind): null when one of the same kind was
   * recorded within the last second (it is counted instead), otherwise how many of that kind went
   * unrecorded since the previous record.
   */
  refusalToRecord(now: number, httpStatus: number): number | null {
    const records = this.refusals.get(httpStatus);
    if (records && now - records.lastRecordedAt < RECORD_REFUSAL_EVERY_MS) {
      records.unrecorded += 1;
      return null;
    }
    this.refusals.set(httpStatus, { lastRecordedAt: now, unrecorded: 0 });
    return records?.unrecorded ?? 0;
  }

  private recordedRefusalWithin(now: number, ms: number): boolean {
    for (const records of this.refusals.values()) if (now - records.lastRecordedAt < ms) return true;
    return false;
  }

  /**
   * Nothing open, nothing owed: the entry can go (a new one starts with a full bucket). Refusals
   * left unrecorded then go uncounted per sender; the listener's own total still has them.
   */
  idle(now: number, limit: RateLimit | null): boolean {
    if (this.connections > 0 || this.inFlightBytes > 0) return false;
    if (this.recordedRefusalWithin(now, RECORD_REFUSAL_EVERY_MS)) return false;
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
