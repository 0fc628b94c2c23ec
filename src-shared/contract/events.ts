import { z } from 'zod';

/** Events pushed from the main process to the renderer (IPC send / Server-Sent Events). */
export const PushEvent = z.discriminatedUnion('type', [
  /** New deliveries were committed. */
  z.object({ type: z.literal('deliveries.received'), ids: z.array(z.string()) }),
  /** Derived data (verification, normalized view, keys) changed for these deliveries. */
  z.object({ type: z.literal('deliveries.updated'), ids: z.array(z.string()) }),
  z.object({ type: z.literal('listener.changed') }),
]);
export type PushEvent = z.infer<typeof PushEvent>;
