/**
 * Quiet hours: a daily span of wall-clock time in the person's own time zone during which alerts
 * are listed but not notified. The span may run over midnight (22:00 to 07:00). Pure: the same
 * instant and settings always give the same answer, whatever zone the machine runs in.
 */

/** "HH:MM" on a 24-hour clock. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface QuietHoursLike {
  enabled: boolean;
  /** When the quiet starts, "HH:MM" in `timeZone`. */
  from: string;
  /** When it ends (not included), "HH:MM" in `timeZone`. */
  to: string;
  /** An IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
}

/** Minutes after midnight of an "HH:MM" time; null when it is not one. */
export function minutesOf(time: string): number | null {
  const match = CLOCK_TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `now` in `timeZone`, as minutes after midnight. */
export function wallClockMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (part('hour') % 24) * 60 + part('minute');
}

/** Whether `now` falls in the quiet hours. A span whose start equals its end is empty (never quiet). */
export function inQuietHours(now: Date, quiet: QuietHoursLike): boolean {
  if (!quiet.enabled) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === null || to === null || from === to || !isTimeZone(quiet.timeZone)) return false;
  const at = wallClockMinutes(now, quiet.timeZone);
  return from < to ? at >= from && at < to : at >= from || at < to;
}
