import { z } from 'zod';
import type { SettingsStore } from '../store/types.js';
import { RateLimit, WebhookPort } from '../../src-shared/contract/listener.js';

/**
 * 50 a second with bursts of 200 per sender: above what a provider sends to one merchant (retries
 * included), far below what fills a disk. Behind a tunnel with forwarded headers trusted, each
 * sender is counted apart; otherwise everything through the tunnel counts as one sender.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 200 };

export const ListenerSettings = z.object({
  publicBaseUrl: z.string().nullable().default(null),
  trustForwardedHeaders: z.boolean().default(false),
  /** The listener's port; null: the default (8787). A port fixed by the start options wins over it. */
  webhookPort: WebhookPort.nullable().default(null),
  rateLimit: RateLimit.nullable().default(DEFAULT_RATE_LIMIT),
  /** Off by default: the free-disk floor (a listener option) still stops the disk from filling. */
  storageQuotaBytes: z.number().int().positive().nullable().default(null),
});
export type ListenerSettings = z.infer<typeof ListenerSettings>;

const KEY = 'listener';

/** Listener settings, kept in memory too: the listener reads them on every request. */
export class ListenerSettingsService {
  private current: ListenerSettings = ListenerSettings.parse({});

  constructor(
    private readonly settings: SettingsStore,
    /** Called once a change is saved (the other instances of a shared store read it again). */
    private readonly onSaved: () => void = () => {},
  ) {}

  async load(): Promise<void> {
    this.current = settingsFrom(await this.settings.get(KEY));
  }

  get(): ListenerSettings {
    return this.current;
  }

  async update(change: Partial<ListenerSettings>): Promise<ListenerSettings> {
    // Merged into what is stored, in one step with the read, not into what this instance last
    // heard: another instance sharing the database may be changing another field at this moment.
    const saved = await this.settings.update(KEY, (stored) => ListenerSettings.parse({ ...settingsFrom(stored), ...change }));
    this.current = ListenerSettings.parse(saved);
    this.onSaved();
    return this.current;
  }
}

/** What is stored, or the defaults when nothing (or nothing this version reads) is. */
function settingsFrom(stored: unknown): ListenerSettings {
  const parsed = ListenerSettings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : ListenerSettings.parse({});
}
