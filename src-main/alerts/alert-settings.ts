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
    const stored = await this.settings.get(KEY);
    const parsed = AlertSettings.safeParse(stored ?? DEFAULT_ALERT_SETTINGS);
    this.current = parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
  }

  get(): AlertSettings {
    return this.current;
  }

  /**
   * Merged into what is stored, not this instance's copy: another person (or instance sharing the
   * database) may have changed another switch a moment ago, and that change must not be undone.
   */
  async save(change: AlertSettingsChange): Promise<AlertSettings> {
    await this.load();
    const parsed = AlertSettings.parse({
      kinds: { ...this.current.kinds, ...definedOnly(change.kinds ?? {}) },
      quietHours: change.quietHours ?? this.current.quietHours,
    });
    await this.settings.set(KEY, parsed);
    this.current = parsed;
    this.onSaved();
    return parsed;
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
