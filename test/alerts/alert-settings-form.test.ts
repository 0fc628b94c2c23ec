import { describe, expect, it } from 'vitest';
import { quietHoursProblem, quietHoursWords, timeZoneChoices, withKind, withQuietHours } from '../../src-renderer/features/alerts/alert-settings-form.js';
import { DEFAULT_ALERT_SETTINGS } from '../../src-main/alerts/alert-settings.js';

describe('the notifications form, the pure part', () => {
  it('takes the person’s own zone when quiet hours are first turned on (the default is UTC), and keeps a zone once chosen', () => {
    const on = withQuietHours(DEFAULT_ALERT_SETTINGS, { enabled: true }, 'Europe/Berlin');
    expect(on.quietHours).toEqual({ enabled: true, from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' });
    const chosen = withQuietHours(on, { timeZone: 'Asia/Tokyo' }, 'Europe/Berlin');
    const offAndOn = withQuietHours(withQuietHours(chosen, { enabled: false }, 'Europe/Berlin'), { enabled: true }, 'Europe/Berlin');
    expect(offAndOn.quietHours.timeZone).toBe('Asia/Tokyo');
  });

  it('switches one kind, leaving the others', () => {
    expect(withKind(DEFAULT_ALERT_SETTINGS, 'provider_gave_up', false).kinds).toEqual({ ...DEFAULT_ALERT_SETTINGS.kinds, provider_gave_up: false });
  });

  it('says what is wrong, and what the saved hours mean now', () => {
    const quiet = { enabled: true, from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' };
    expect(quietHoursProblem({ ...quiet, to: '' })).toBe('Give both times, as hours and minutes.');
    expect(quietHoursProblem({ ...quiet, to: '22:00' })).toBe('The quiet hours start and end at the same time: there would be none.');
    expect(quietHoursProblem({ ...quiet, enabled: false, to: '22:00' })).toBeNull();
    expect(quietHoursWords(quiet, new Date('2026-07-01T21:30:00Z'))).toBe(
      'Quiet from 22:00 to 07:00 (overnight), Europe/Berlin time: alerts are listed below but not notified. It is quiet now.',
    );
    expect(quietHoursWords({ ...quiet, enabled: false }, new Date())).toBe('No quiet hours: alerts are notified whenever they happen.');
  });

  it('offers every zone the platform knows, the saved and the local one among them', () => {
    const zones = timeZoneChoices('Europe/Lisbon', 'America/Sao_Paulo');
    expect(zones).toContain('Europe/Lisbon');
    expect(zones).toContain('America/Sao_Paulo');
    expect(zones).toContain('UTC');
    expect(zones.length).toBeGreaterThan(100);
  });
});
