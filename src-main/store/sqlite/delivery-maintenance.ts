import type Database from 'better-sqlite3';
import type { Checkpointer } from './checkpointer.js';
import { decodeDelivery } from '../codec/stored-forms.js';
import type { StoredDetail } from '../codec/delivery-forms.js';
import { keyTrigrams } from './key-trigrams.js';

/** Pages freed per compaction step: small enough that the listener is never held for long. */
const VACUUM_STEP_PAGES = 2_000;

/** Retention and housekeeping: pruning old deliveries, giving space back, checkpointing the log. */
export class DeliveryMaintenance {
  constructor(
    private readonly db: Database.Database,
    private readonly checkpointer: Checkpointer,
  ) {}

  async countReceivedBefore(cutoff: string): Promise<number> {
    return this.db.prepare('SELECT count(*) FROM deliveries WHERE received_at < ?').pluck().get(cutoff) as number;
  }

  /**
   * Deletes the oldest deliveries received before the cutoff. A later copy of a pruned delivery
   * (a provider retry) becomes the original its other copies point to, so no link dangles.
   */
  async pruneReceivedBefore(cutoff: string, limit: number): Promise<number> {
    const oldest = this.db.prepare('SELECT seq, id FROM deliveries WHERE received_at < ? ORDER BY received_at LIMIT ?');
    const firstCopy = this.db.prepare('SELECT id FROM deliveries WHERE duplicate_of = ? ORDER BY seq LIMIT 1').pluck();
    const promote = this.db.prepare('UPDATE deliveries SET duplicate_of = NULL WHERE id = ?');
    const repoint = this.db.prepare('UPDATE deliveries SET duplicate_of = ? WHERE duplicate_of = ?');
    const removeSearch = this.db.prepare('DELETE FROM delivery_search WHERE rowid = ?');
    // Keys are indexed by value only: the ones to delete are read from the delivery's stored form.
    const formOf = this.db.prepare('SELECT form FROM delivery_contents WHERE seq = ?').pluck();
    const removeKey = this.db.prepare('DELETE FROM correlation_keys WHERE value = ? AND delivery_seq = ? AND kind = ?');
    const trigrams = keyTrigrams(this.db);
    const removeCapture = this.db.prepare('DELETE FROM delivery_captures WHERE seq = ?');
    const removeRow = this.db.prepare('DELETE FROM deliveries WHERE seq = ?'); // the stored form cascades
    return this.db.transaction(() => {
      const rows = oldest.all(cutoff, limit) as Array<{ seq: number; id: string }>;
      for (const row of rows) {
        const copy = firstCopy.get(row.id) as string | undefined;
        if (copy !== undefined) {
          promote.run(copy);
          repoint.run(copy, row.id);
        }
        removeSearch.run(row.seq);
        const form = formOf.get(row.seq) as Buffer | undefined;
        const keys = form === undefined ? [] : (decodeDelivery<StoredDetail>(form).detail?.correlationKeys ?? []);
        trigrams.replace(row.seq, keys, [], () => {
          for (const key of keys) removeKey.run(key.value, row.seq, key.kind);
        });
        removeCapture.run(row.seq);
        removeRow.run(row.seq);
      }
      return rows.length;
    })();
  }

  async freeFraction(): Promise<number> {
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const free = this.db.pragma('freelist_count', { simple: true }) as number;
    return pages > 0 ? free / pages : 0;
  }

  /**
   * Gives free pages back to the file system a step at a time (incremental vacuum), so the
   * listener's commits interleave; a full VACUUM would hold the store for its whole run.
   * Returns whether free pages remain.
   */
  async compact(): Promise<boolean> {
    if ((this.db.pragma('auto_vacuum', { simple: true }) as number) !== 2) {
      // A store created without incremental vacuum could only shrink by a full VACUUM, which
      // would hold the listener for its whole run: its free pages are reused by new deliveries.
      return false;
    }
    this.db.pragma(`incremental_vacuum(${VACUUM_STEP_PAGES})`);
    return (this.db.pragma('freelist_count', { simple: true }) as number) > 0;
  }

  checkpoint(large: boolean, cutBack: boolean): Promise<number> {
    return this.checkpointer.run(large, cutBack);
  }
}
