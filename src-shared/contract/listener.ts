import { z } from 'zod';
import { ProviderId } from '../domain/provider.js';

/** The listener's port when neither Settings nor the start options name one. */
export const DEFAULT_WEBHOOK_PORT = 8787;

/** A port the listener may be moved to from Settings. */
export const WebhookPort = z.number().int('a port is a whole number').min(1, 'ports go from 1 to 65535').max(65535, 'ports go from 1 to 65535');

export const WebhookUrl = z.object({
  provider: ProviderId,
  localUrl: z.string(),
  /** The URL to paste into the provider's dashboard, when a tunnel base URL is known. */
  publicUrl: z.string().nullable(),
});

/** Requests per sender (address, or the tunnel's forwarded sender), as a token bucket. */
export const RateLimit = z.object({
  perSecond: z.number().positive('the rate must be above 0').max(1_000_000),
  burst: z.number().int('the burst is a whole number of requests').min(1, 'the burst must be at least 1').max(1_000_000),
});
export type RateLimit = z.infer<typeof RateLimit>;

export const StorageStatus = z.object({
  /** The store's files on disk (an estimate between two reads). */
  usedBytes: z.number().nullable(),
  quotaBytes: z.number().int().nullable(),
  diskFreeBytes: z.number().nullable(),
  diskTotalBytes: z.number().nullable(),
  /** The listener refuses deliveries below this much free disk, quota or not: 1 GiB, or 5% of the disk when that is more. */
  minFreeDiskBytes: z.number().int(),
  /** 'near' from 80% of the quota or under twice the free-disk floor; 'full' while refusing (507). */
  level: z.enum(['ok', 'near', 'full']),
  refusing: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type StorageStatus = z.infer<typeof StorageStatus>;

/** How the listener protects itself from one sender, and what it refused so far. */
export const ListenerProtection = z.object({
  maxConnections: z.number().int(),
  maxConnectionsPerAddress: z.number().int(),
  inFlightBytesLimit: z.number().int(),
  inFlightBytes: z.number().int(),
  connectionsRefused: z.number().int(),
  /**
   * Requests on loopback carried X-Forwarded-For while forwarded headers are not trusted: the
   * listener looks to sit behind a tunnel not ticked as one, so all its senders count as one.
   */
  untrustedForwardedFor: z.boolean(),
  /** Refusals (404/405/413/429/503/507) answered but not recorded: at most one a second per sender and kind is. */
  refusalsNotRecorded: z.number().int(),
});

export const ListenerStatus = z.object({
  listening: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  localBaseUrl: z.string(),
  /** The port saved in Settings; null: the default (8787). */
  portSetting: z.number().int().nullable(),
  /** What fixes the port for this run (a flag or an environment variable), so Settings cannot change it; null when Settings does. */
  portFixedBy: z.string().nullable(),
  /** Why the listener is not listening (its port taken, say), in words; null while it listens. */
  problem: z.string().nullable(),
  publicBaseUrl: z.string().nullable(),
  /** Where the public base URL came from: the user's setting, or a running ngrok agent. */
  publicBaseUrlSource: z.enum(['setting', 'ngrok']).nullable(),
  trustForwardedHeaders: z.boolean(),
  bodyLimitBytes: z.number().int(),
  rateLimit: RateLimit.nullable(),
  protection: ListenerProtection,
  /** null when the listener runs without a storage check. */
  storage: StorageStatus.nullable(),
  urls: z.array(WebhookUrl),
  counts: z.object({
    total: z.number().int(),
    byProvider: z.record(z.string(), z.number().int()),
  }),
});
export type ListenerStatus = z.infer<typeof ListenerStatus>;

export const ListenerConfigureInput = z.object({
  /** e.g. https://abc123.ngrok-free.app — empty string clears it. */
  publicBaseUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).optional(),
  trustForwardedHeaders: z.boolean().optional(),
  /** Moves the listener to this port now (null: back to 8787) and keeps it for the next starts. */
  webhookPort: WebhookPort.nullable().optional(),
  /** null turns the per-sender rate limit off. */
  rateLimit: RateLimit.nullable().optional(),
  /** The most the store may take on disk before deliveries are refused (507); null for none. */
  storageQuotaBytes: z
    .number()
    .int('the quota is a whole number of bytes')
    .min(1024 * 1024, 'a quota under 1 MiB would refuse everything')
    .nullable()
    .optional(),
});

export const listenerContract = {
  'listener.status': { input: z.object({}).default({}), output: ListenerStatus, role: 'viewer' },
  'listener.configure': { input: ListenerConfigureInput, output: ListenerStatus, role: 'admin' },
} as const;
