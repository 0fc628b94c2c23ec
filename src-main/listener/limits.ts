import { readFileSync } from 'node:fs';
import { z } from 'zod';

const MiB = 1024 * 1024;

/**
 * How much of the listener one sender, and all senders together, may hold. Started with the
 * listener (options, not settings): tests shorten them; the defaults fit a desktop console.
 */
export const ListenerLimits = z.object({
  /** All sockets at once; kept under the process's open-file limit (see fdSafeConnectionCap). */
  maxConnections: z.number().int().positive().optional(),
  /** Sockets from one address (a tunnel agent on loopback is exempt when behind a tunnel). */
  maxConnectionsPerAddress: z.number().int().positive().default(64),
  /** Request bodies received but not yet committed, all senders together. */
  inFlightBytes: z
    .number()
    .int()
    .positive()
    .default(64 * MiB),
  /** The same, from one address: one sender cannot take the whole budget. */
  inFlightBytesPerAddress: z
    .number()
    .int()
    .positive()
    .default(16 * MiB),
  /**
   * Bytes one sender may have stored (bodies and headers), as a token bucket: 2 MiB a second in
   * bursts of 16 MiB. A provider sends JSON of a few kB, so even at the request limit (50 a second)
   * it stays near a tenth of this; a burst of 16 bodies at the 1 MiB body limit still passes. Past
   * it: 429 with Retry-After. On whenever the per-sender request limit (a setting) is on.
   */
  bytesPerSecondPerAddress: z
    .number()
    .int()
    .positive()
    .default(2 * MiB),
  bytesBurstPerAddress: z
    .number()
    .int()
    .positive()
    .default(16 * MiB),
  /** The listener refuses deliveries (507) once the disk holding the store has less free than this… */
  minFreeDiskBytes: z
    .number()
    .int()
    .nonnegative()
    .default(1024 * MiB),
  /** …or than this share of the disk, whichever is more (5%: what the rest of the system needs on a large disk too). */
  minFreeDiskFraction: z.number().min(0).max(0.5).default(0.05),
  /** How often the store's size and the disk's free space are read (never per request). */
  storageCheckMs: z.number().int().positive().default(5_000),
});
export type ListenerLimits = z.output<typeof ListenerLimits>;
export type ListenerLimitsInput = z.input<typeof ListenerLimits>;

const DEFAULT_MAX_CONNECTIONS = 4_096;
/** File descriptors kept for everything else: the store, its threads, the console API. */
const RESERVED_FDS = 256;

/**
 * The global connection cap: 4,096, or less when the soft open-file limit is lower, so that a
 * flood is refused by the cap rather than by EMFILE on accept. Linux only reads the limit from
 * /proc; elsewhere the default stands.
 */
export function fdSafeConnectionCap(limitsText: string | null = readProcLimits()): number {
  const soft = limitsText ? /^Max open files\s+(\d+|unlimited)/m.exec(limitsText)?.[1] : undefined;
  if (soft === undefined || soft === 'unlimited') return DEFAULT_MAX_CONNECTIONS;
  return Math.max(64, Math.min(DEFAULT_MAX_CONNECTIONS, Number(soft) - RESERVED_FDS));
}

function readProcLimits(): string | null {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return null;
  }
}
