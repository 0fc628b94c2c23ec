/** Housekeeping on what the store keeps from outgoing calls (sessions, lookups, audit, replays). */
export interface StoreMaintenance {
  /**
   * Passes every string of the records kept from outgoing calls (sessions with their calls and
   * correlation keys, tx-hash lookups, audit entries, replay attempts) through `rewrite`, and
   * saves those it changed; what they held before is overwritten with zeros on disk as it goes
   * (secure delete). Returns how many records changed.
   */
  rewriteRecordedText(rewrite: (text: string) => string): Promise<number>;
  /** The database file's size in bytes (without its write-ahead log). */
  databaseBytes(): Promise<number>;
  /**
   * Rebuilds the database file (VACUUM): no free page, nor free space inside a page, keeps bytes
   * of content deleted or replaced before; then empties the write-ahead log. Holds the store for
   * the whole run (about a second per 100 MB).
   */
  rebuild(): Promise<void>;
  /** Gives every free page back to the file system and empties the write-ahead log; free space inside pages stays. */
  dropFreePages(): Promise<void>;
}
