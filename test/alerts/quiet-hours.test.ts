import { describe, expect, it } from 'vitest';
import { inQuietHours, isTimeZone, minutesOf, wallClockMinutes } from '../../src-shared/alerts/quiet-hours.js';
import { QuietHours } from '../../src-shared/contract/alerts.js';

const quiet = (from: string, to: string, timeZone: string) => ({ enabled: true, from, to, timeZone });

describe('quiet hours', () => {
  it('reads the hours on the person’s clock, not the server’s', () => {
    // 21:30 UTC is 23:30 in Berlin (summer time) and 17:30 in New York.
    const at = new Date('2026-07-01T21:30:00Z');
    expect(wallClockMinutes(at, 'Europe/Berlin')).toBe(23 * 60 + 30);
    expect(inQuietHours(at, quiet('22:00', '07:00', 'Europe/Berlin'))).toBe(true);
    expect(inQuietHours(at, quiet('22:00', '07:00', 'America/New_York'))).toBe(false);
  });

  it('runs over midnight, includes its start and ends before its end', () => {
    const zone = 'UTC';
    const at = (time: string) => new Date(`2026-03-10T${time}:00Z`);
    const span = quiet('22:00', '07:00', zone);
    expect(inQuietHours(at('21:59'), span)).toBe(false);
    expect(inQuietHours(at('22:00'), span)).toBe(true);
    expect(inQuietHours(at('03:00'), span)).toBe(true);
    expect(inQuietHours(at('06:59'), span)).toBe(true);
    expect(inQuietHours(at('07:00'), span)).toBe(false);
    const lunch = quiet('12:00', '13:30', zone);
    expect(inQuietHours(at('12:45'), lunch)).toBe(true);
    expect(inQuietHours(at('13:30'), lunch)).toBe(false);
  });

  it('is never quiet when off, empty (start = end) or in a zone it does not know', () => {
    const at = new Date('2026-03-10T23:00:00Z');
    expect(inQuietHours(at, { ...quiet('22:00', '07:00', 'UTC'), enabled: false })).toBe(false);
    expect(inQuietHours(at, quiet('22:00', '22:00', 'UTC'))).toBe(false);
    expect(inQuietHours(at, quiet('22:00', '07:00', 'Mars/Olympus'))).toBe(false);
  });

  it('refuses a malformed time or an unknown zone at the contract, in words', () => {
    expect(minutesOf('7:00')).toBeNull();
    expect(minutesOf('24:00')).toBeNull();
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    const bad = QuietHours.safeParse({ enabled: true, from: '25:00', to: '07:00', timeZone: 'Nowhere/City' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(['a time of day is HH:MM, from 00:00 to 23:59', 'not a time zone this console knows']);
  });
});
