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
  inFlightBytes: z.number().int().positive().default(64 * MiB),
  /** The same, from one address: one sender cannot take the whole budget. */
  inFlightBytesPerAddress: z.number().int().positive().default(16 * MiB),
  /** The listener refuses deliveries (507) once the disk holding the store has less free than this. */
  minFreeDiskBytes: z.number().int().nonnegative().default(1024 * MiB),
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
