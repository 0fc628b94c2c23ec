import { AlertSettings, type AlertSettingsChange } from '../../src-shared/contract/alerts.js';
import type { SettingsStore } from '../store/types.js';

const KEY = 'alerts';

/** Every kind on, quiet hours off (22:00 to 07:00 UTC until a person sets their own). */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = AlertSettings.parse({
  kinds: {},
  quietHours: { enabled: false, from: '22:00', to: '07:00', timeZone: 'UTC' },
});

/** Alert settings in the settings store, kept in memory too: every alert reads them. */
export class AlertSettingsService {
  private current: AlertSettings = DEFAULT_ALERT_SETTINGS;

  constructor(
    private readonly settings: SettingsStore,
    /** Called once a change is saved (the other instances of a shared store read it again). */
    private readonly onSaved: () => void = () => {},
  ) {}

  async load(): Promise<void> {
    this.current = settingsFrom(await this.settings.get(KEY));
  }

  get(): AlertSettings {
    return this.current;
  }

  /**
   * Merged into what is stored, in one step with the read: another person (or instance sharing
   * the database) may be changing another switch at the same moment, and that change must stay.
   */
  async save(change: AlertSettingsChange): Promise<AlertSettings> {
    if (change.kinds === undefined && change.quietHours === undefined) {
      await this.load();
      return this.current;
    }
    const saved = await this.settings.update(KEY, (stored) => {
      const base = settingsFrom(stored);
      return AlertSettings.parse({
        kinds: { ...base.kinds, ...definedOnly(change.kinds ?? {}) },
        quietHours: change.quietHours ?? base.quietHours,
      });
    });
    this.current = AlertSettings.parse(saved);
    this.onSaved();
    return this.current;
  }
}

/** What is stored, or the defaults when nothing (or nothing this version reads) is. */
function settingsFrom(stored: unknown): AlertSettings {
  const parsed = AlertSettings.safeParse(stored ?? DEFAULT_ALERT_SETTINGS);
  return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
