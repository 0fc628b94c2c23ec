/**
 * A one-time maintenance step at start: keys that leaked into stored records before answers were
 * masked (a provider echoing the API key in its error, and the sentence built from it) are masked
 * there now. It needs the vault's secrets, so it cannot be a SQL migration; it runs once per
 * version and is recorded in the settings.
 */
import { z } from 'zod';
import type { SettingsStore } from '../store/types.js';
import type { StoreMaintenance } from '../store/maintenance-types.js';
import { createSecretMasker } from './echo-masker.js';

export const REMASK_KEY = 'maintenance.remaskStoredEchoes';
const VERSION = 1;

/**
 * Up to this size the database file is rebuilt (VACUUM, about 3 s at 100 MB/s, once) so that no
 * free space keeps the old text. Above it, rebuilding would hold the start for minutes: the
 * replaced text is zeroed as it is rewritten and free pages are dropped, and the log says what is left.
 */
export const REBUILD_LIMIT_BYTES = 256 * 1024 * 1024;

const Done = z.object({ version: z.number().int(), completedAt: z.string() });

export interface RemaskDeps {
  /** Every stored secret that can be read. */
  secrets: () => Promise<string[]>;
  settings: Pick<SettingsStore, 'get' | 'set'>;
  maintenance: StoreMaintenance;
  log: (message: string) => void;
}

export async function remaskStoredEchoes(deps: RemaskDeps): Promise<void> {
  const done = Done.safeParse(await deps.settings.get(REMASK_KEY));
  if (done.success && done.data.version >= VERSION) return;
  const secrets = await deps.secrets();
  let changed = 0;
  let compaction: 'none' | 'rebuilt' | 'free pages dropped' = 'none';
  if (secrets.length > 0) {
    const masker = createSecretMasker(secrets);
    changed = await deps.maintenance.rewriteRecordedText((text) => masker.mask(text));
    const size = await deps.maintenance.databaseBytes();
    if (size <= REBUILD_LIMIT_BYTES) {
      await deps.maintenance.rebuild();
      compaction = 'rebuilt';
    } else {
      await deps.maintenance.dropFreePages();
      compaction = 'free pages dropped';
      deps.log(
        `The store (${Math.round(size / 2 ** 20)} MiB) was not rebuilt at start: free space inside its pages may still hold credentials ` +
          'that leaked into stored records before they were masked. To remove them, stop Gatewatch and run: sqlite3 <data dir>/gatewatch.db VACUUM',
      );
    }
    if (changed > 0) deps.log(`Masked the stored credentials found in ${changed} records (sessions, tx lookups, audit entries, replay attempts).`);
  }
  await deps.settings.set(REMASK_KEY, { version: VERSION, completedAt: new Date().toISOString(), recordsChanged: changed, compaction });
}
