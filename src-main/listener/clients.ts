/** Per-sender accounting for the listener: open sockets, bytes in flight, token buckets, refusals. */

export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** A token bucket, full at first: `take` says how long to wait when it holds too little. */
class TokenBucket {
  private tokens = Number.POSITIVE_INFINITY;
  private refilledAt = 0;

  /** Takes `amount` when it is there: 0, otherwise the seconds until it will be (nothing is taken). */
  take(amount: number, limit: RateLimit, now: number): number {
    const wait = this.waitFor(amount, limit, now);
    if (wait === 0) this.tokens -= amount;
    return wait;
  }

  /** Like take, without taking. */
  waitFor(amount: number, limit: RateLimit, now: number): number {
    this.tokens = Math.min(limit.burst, this.tokens + ((now - this.refilledAt) * limit.perSecond) / 1000);
    this.refilledAt = now;
    // More than the burst can never be there: what is asked is cut to the burst (a body limit set above it still passes).
    const needed = Math.min(amount, limit.burst);
    return this.tokens >= needed ? 0 : Math.max(1, Math.ceil((needed - this.tokens) / limit.perSecond));
  }

  full(limit: RateLimit, now: number): boolean {
    return this.tokens + ((now - this.refilledAt) * limit.perSecond) / 1000 >= limit.burst;
  }
}

/** Refusals of one kind recorded at most this often per sender, so refusing cannot fill the disk. */
const RECORD_REFUSAL_EVERY_MS = 1_000;

interface RefusalRecords {
  lastRecordedAt: number;
  unrecorded: number;
}

export class ClientState {
  connections = 0;
  /** Requests read or being answered: a tunnel's sender holds no sockets of its own, so this caps it. */
  requestsInProgress = 0;
  inFlightBytes = 0;
  private readonly requests = new TokenBucket();
  private readonly bytes = new TokenBucket();
  /** By HTTP status: each kind of refusal is coalesced on its own, so one never hides another. */
  private readonly refusals = new Map<number, RefusalRecords>();

  /** Takes one request from the bucket: 0 when allowed, otherwise the seconds until one is. */
  take(limit: RateLimit, now: number): number {
    return this.requests.take(1, limit, now);
  }

  /** Takes `count` bytes about to be stored: 0 when allowed, otherwise the seconds until they are. */
  takeBytes(count: number, limit: RateLimit, now: number): number {
    return this.bytes.take(count, limit, now);
  }

  /** Whether `count` bytes could be stored now (nothing taken): a body announced too large is refused before it is read. */
  bytesWait(count: number, limit: RateLimit, now: number): number {
    return this.bytes.waitFor(count, limit, now);
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
  idle(now: number, limit: RateLimit | null, byteLimit: RateLimit | null = null): boolean {
    if (this.connections > 0 || this.requestsInProgress > 0 || this.inFlightBytes > 0) return false;
    if (this.recordedRefusalWithin(now, RECORD_REFUSAL_EVERY_MS)) return false;
    return (limit === null || this.requests.full(limit, now)) && (byteLimit === null || this.bytes.full(byteLimit, now));
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

  sweep(now: number, limit: RateLimit | null, byteLimit: RateLimit | null = null): void {
    for (const [key, client] of this.clients) if (client.idle(now, limit, byteLimit)) this.clients.delete(key);
  }
}
