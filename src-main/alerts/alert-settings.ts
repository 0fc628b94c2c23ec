import { AlertSettings } from '../../src-shared/contract/alerts.js';
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

  async save(next: AlertSettings): Promise<AlertSettings> {
    const parsed = AlertSettings.parse(next);
    await this.settings.set(KEY, parsed);
    this.current = parsed;
    this.onSaved();
    return parsed;
  }
}
