/** Session settings in the settings store (`sessions:settings`); a damaged value falls back to defaults. */
import { SessionSettings, defaultSessionSettings } from '../../src-shared/sessions/settings.js';
import type { SettingsStore } from '../store/types.js';

export const SESSION_SETTINGS_KEY = 'sessions:settings';

export class SessionSettingsService {
  constructor(private readonly settings: SettingsStore) {}

  async get(): Promise<SessionSettings> {
    const parsed = SessionSettings.safeParse((await this.settings.get(SESSION_SETTINGS_KEY)) ?? {});
    return parsed.success ? parsed.data : defaultSessionSettings();
  }

  async save(next: SessionSettings): Promise<SessionSettings> {
    const value = SessionSettings.parse(next);
    await this.settings.set(SESSION_SETTINGS_KEY, value);
    return value;
  }
}
