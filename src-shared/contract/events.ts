import { z } from 'zod';
import { ReplayJob } from './replay.js';
import { Alert } from './alerts.js';

/** Events pushed from the main process to the renderer (IPC send / Server-Sent Events). */
export const PushEvent = z.discriminatedUnion('type', [
  /** New deliveries were committed. */
  z.object({ type: z.literal('deliveries.received'), ids: z.array(z.string()) }),
  /** Derived data (verification, normalized view, keys) changed for these deliveries. */
  z.object({ type: z.literal('deliveries.updated'), ids: z.array(z.string()) }),
  /** Something to notify about (a burst of failed signatures, the listener down…); not sent while held by quiet hours. */
  z.object({ type: z.literal('alert'), alert: Alert }),
  /** Desktop: the person clicked an alert's system notification; the window shows what it is about. */
  z.object({ type: z.literal('alert.opened'), route: z.string() }),
  /** Someone saved, renamed or deleted a saved view. */
  z.object({ type: z.literal('views.changed') }),
  z.object({ type: z.literal('listener.changed') }),
  /** A bulk replay job progressed (an attempt finished, or it was cancelled or finished). */
  z.object({ type: z.literal('replay.progress'), job: ReplayJob }),
  /** Relaying these deliveries progressed (an attempt finished, a route changed). */
  z.object({ type: z.literal('relay.changed'), deliveryIds: z.array(z.string()) }),
]);
export type PushEvent = z.infer<typeof PushEvent>;
