import { z } from 'zod';
import type { SettingsStore } from '../store/types.js';

export const ListenerSettings = z.object({
  publicBaseUrl: z.string().nullable().default(null),
  trustForwardedHeaders: z.boolean().default(false),
});
export type ListenerSettings = z.infer<typeof ListenerSettings>;

const KEY = 'listener';

/** Listener settings, kept in memory too: the listener reads them on every request. */
export class ListenerSettingsService {
  private current: ListenerSettings = ListenerSettings.parse({});

  constructor(private readonly settings: SettingsStore) {}

  async load(): Promise<void> {
    const parsed = ListenerSettings.safeParse((await this.settings.get(KEY)) ?? {});
    this.current = parsed.success ? parsed.data : ListenerSettings.parse({});
  }

  get(): ListenerSettings {
    return this.current;
  }

  async update(change: Partial<ListenerSettings>): Promise<ListenerSettings> {
    this.current = ListenerSettings.parse({ ...this.current, ...change });
    await this.settings.set(KEY, this.current);
    return this.current;
  }
}
