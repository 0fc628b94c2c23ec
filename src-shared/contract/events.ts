import { z } from 'zod';
import { ReplayJob } from './replay.js';

/** Events pushed from the main process to the renderer (IPC send / Server-Sent Events). */
export const PushEvent = z.discriminatedUnion('type', [
  /** New deliveries were committed. */
  z.object({ type: z.literal('deliveries.received'), ids: z.array(z.string()) }),
  /** Derived data (verification, normalized view, keys) changed for these deliveries. */
  z.object({ type: z.literal('deliveries.updated'), ids: z.array(z.string()) }),
  z.object({ type: z.literal('listener.changed') }),
  /** A bulk replay job progressed (an attempt finished, or it was cancelled or finished). */
  z.object({ type: z.literal('replay.progress'), job: ReplayJob }),
  /** Relaying these deliveries progressed (an attempt finished, a route changed). */
  z.object({ type: z.literal('relay.changed'), deliveryIds: z.array(z.string()) }),
]);
export type PushEvent = z.infer<typeof PushEvent>;
