import { z } from 'zod';
import { ListenerLimits } from '../listener/limits.js';
import { ForwardSpec } from '../relay/forward-flag.js';

/** How the console is started, from CLI flags, environment or the desktop app. */
export const GatewatchOptions = z.object({
  dataDir: z.string().min(1),
  webhookHost: z.string().min(1).default('127.0.0.1'),
  /** Fixes the listener's port for this run (0: any free one); omitted, the port set in Settings is used, else 8787. */
  webhookPort: z.number().int().min(0).max(65535).optional(),
  /** What fixed it, for the console to say (e.g. "--webhook-port"). */
  webhookPortFixedBy: z.string().min(1).default('the start options'),
  bodyLimitBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Per-sender and global caps of the listener; the defaults suit a desktop console. */
  listenerLimits: ListenerLimits.prefault({}),
  /** Passthrough routes set up at start (serve mode's --forward). */
  forward: z.array(ForwardSpec).default([]),
});
export type GatewatchOptions = z.input<typeof GatewatchOptions>;
export type ResolvedOptions = z.output<typeof GatewatchOptions>;
