import { z } from 'zod';
import { CLOCK_TIME, isTimeZone } from '../alerts/quiet-hours.js';

/** What Gatewatch notifies about. Each can be switched off in Settings → Notifications. */
export const AlertKind = z.enum(['signature_failures', 'listener_down', 'relay_route_failing', 'provider_gave_up']);
export type AlertKind = z.infer<typeof AlertKind>;
export const alertKinds: readonly AlertKind[] = AlertKind.options;

/** One alert, as pushed to the console and listed in Settings → Notifications. */
export const Alert = z.object({
  id: z.string(),
  /** `test`: sent by hand from Settings, to see that notifications arrive. */
  kind: z.union([AlertKind, z.literal('test')]),
  at: z.string(),
  title: z.string(),
  body: z.string(),
  /** The console route (`#/inbox?…`) that shows what the alert is about; null when none does. */
  route: z.string().nullable(),
  /** Raised during quiet hours: listed, not notified. */
  held: z.boolean(),
});
export type Alert = z.infer<typeof Alert>;

const ClockTime = z.string().regex(CLOCK_TIME, 'a time of day is HH:MM, from 00:00 to 23:59');

export const QuietHours = z.object({
  enabled: z.boolean(),
  from: ClockTime,
  to: ClockTime,
  /** The person's IANA time zone ("Europe/Berlin"): the hours are read on their clock, not the server's. */
  timeZone: z.string().max(64).refine(isTimeZone, 'not a time zone this console knows'),
});
export type QuietHours = z.infer<typeof QuietHours>;

const on = z.boolean().default(true);

export const AlertSettings = z.object({
  /** Which kinds notify; a kind added later is on until switched off. */
  kinds: z.object({ signature_failures: on, listener_down: on, relay_route_failing: on, provider_gave_up: on }),
  quietHours: QuietHours,
});
export type AlertSettings = z.infer<typeof AlertSettings>;

/**
 * A change to the alert settings: only what the person changed (a switch, or the quiet hours as
 * a whole), merged into what is stored, so two people changing different things at once both
 * keep their change. The whole settings are a change too.
 */
export const AlertSettingsChange = z.object({
  /** The switches changed; a kind this version does not know is refused. */
  kinds: z
    .object(Object.fromEntries(AlertKind.options.map((kind) => [kind, z.boolean().optional()])) as Record<AlertKind, z.ZodOptional<z.ZodBoolean>>)
    .strict()
    .optional(),
  quietHours: QuietHours.optional(),
});
export type AlertSettingsChange = z.infer<typeof AlertSettingsChange>;

export const AlertsStatus = z.object({
  settings: AlertSettings,
  /** The latest alerts, newest first (those held by quiet hours too). */
  recent: z.array(Alert),
  /** Kinds nothing in this build reports yet (the relay's, until it is part of it). */
  unwatched: z.array(AlertKind),
});
export type AlertsStatus = z.infer<typeof AlertsStatus>;

export const alertsContract = {
  'alerts.get': { input: z.object({}).default({}), output: AlertsStatus, role: 'viewer' },
  'alerts.configure': { input: AlertSettingsChange, output: AlertsStatus, role: 'admin' },
  /** Sends a test alert now, whatever the switches and quiet hours say. */
  'alerts.test': { input: z.object({}).default({}), output: Alert, role: 'operator' },
} as const;
