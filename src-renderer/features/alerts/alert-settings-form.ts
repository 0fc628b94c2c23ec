/** Settings → Notifications as a form, pure: switching kinds and quiet hours, in the person's time zone. */
import { type AlertKind, type AlertSettings, type AlertSettingsChange, alertKinds, type QuietHours } from '../../../src-shared/contract/alerts.js';
import { inQuietHours } from '../../../src-shared/alerts/quiet-hours.js';

/** The time zone this browser runs in ("Europe/Berlin"); UTC when it does not say. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The zones to choose from: the platform's list, with the current and the local one always in it. */
export function timeZoneChoices(current: string, local: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, current, local, 'UTC'])].sort();
}

export function withKind(settings: AlertSettings, kind: AlertKind, on: boolean): AlertSettings {
  return { ...settings, kinds: { ...settings.kinds, [kind]: on } };
}

/** Quiet hours turned on for the first time take the person's own zone instead of the default UTC. */
export function withQuietHours(settings: AlertSettings, patch: Partial<QuietHours>, local: string): AlertSettings {
  const next = { ...settings.quietHours, ...patch };
  if (patch.enabled && !settings.quietHours.enabled && settings.quietHours.timeZone === 'UTC' && patch.timeZone === undefined) next.timeZone = local;
  return { ...settings, quietHours: next };
}

/** What is wrong with the quiet hours before saving; null when nothing is. */
export function quietHoursProblem(quiet: QuietHours): string | null {
  if (!quiet.enabled) return null;
  if (!/^\d\d:\d\d$/.test(quiet.from) || !/^\d\d:\d\d$/.test(quiet.to)) return 'Give both times, as hours and minutes.';
  if (quiet.from === quiet.to) return 'The quiet hours start and end at the same time: there would be none.';
  return null;
}

/** The saved quiet hours in a sentence, saying whether they hold now. */
export function quietHoursWords(quiet: QuietHours, now: Date): string {
  if (!quiet.enabled) return 'No quiet hours: alerts are notified whenever they happen.';
  const overnight = quiet.from > quiet.to ? ' (overnight)' : '';
  const state = inQuietHours(now, quiet) ? ' It is quiet now.' : '';
  return `Quiet from ${quiet.from} to ${quiet.to}${overnight}, ${quiet.timeZone} time: alerts are listed below but not notified.${state}`;
}

/** Whether the draft differs from what is saved. */
export const changed = (draft: AlertSettings, saved: AlertSettings): boolean => JSON.stringify(draft) !== JSON.stringify(saved);

/**
 * Only what the person changed against what was saved: the switches they flipped, and the quiet
 * hours as a whole when any part of them changed. Another person's change to anything else,
 * saved meanwhile, then stays.
 */
export function settingsChange(draft: AlertSettings, saved: AlertSettings): AlertSettingsChange {
  const kinds = Object.fromEntries(alertKinds.filter((kind) => draft.kinds[kind] !== saved.kinds[kind]).map((kind) => [kind, draft.kinds[kind]]));
  return {
    ...(Object.keys(kinds).length > 0 ? { kinds } : {}),
    ...(JSON.stringify(draft.quietHours) !== JSON.stringify(saved.quietHours) ? { quietHours: draft.quietHours } : {}),
  };
}
