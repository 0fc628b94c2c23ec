import type Database from 'better-sqlite3';
import type { CorrelationKey } from '../../../src-shared/domain/normalized.js';
import { decodeDelivery } from '../codec/stored-forms.js';
import type { StoredDetail } from '../codec/delivery-forms.js';
import { KEY_PREFIX_MIN_LENGTH } from '../search-semantics.js';

/**
 * key_trigrams (migration 015): the distinct correlation key values in a trigram index, so that a
 * word from the middle of an id is found without scanning the keys. Issue 15 leaves the store
 * about 50 bytes per delivery, which a table of the values alone would take (a copy of each value
 * and its rowid), so the index keeps no text and no map: it is contentless (detail=none,
 * columnsize=0), and a value's rowid says where its text is.
 *
 * A value's entry is owned by its earliest delivery (the first row of correlation_keys for it):
 * rowid = owner seq × KEY_SLOTS + the value's rank among the owner's distinct values, by value.
 * A lookup reads the owner's keys from its stored form; an entry is removed with its text and
 * that rowid, both worked out again from the keys. Values too short to hold a looked-up word,
 * and a delivery's values past the first KEY_SLOTS, get no entry (exact and prefix lookups still
 * find them).
 */
export const KEY_SLOTS = 64;

/** The owner's seq of an entry's rowid. */
export const ownerOf = (rowid: number) => Math.floor(rowid / KEY_SLOTS);

/** A delivery's distinct key values, by value: their ranks are their slots. */
export const slotOrder = (keys: readonly CorrelationKey[]): string[] => [...new Set(keys.map((key) => key.value))].sort(cmp);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The rowid of `value`'s entry when `owner` (whose distinct values, by value, are `values`) owns it; null for none. */
export function entryRowid(owner: number, value: string, values: readonly string[]): number | null {
  if ([...value].length < KEY_PREFIX_MIN_LENGTH) return null;
  const rank = values.indexOf(value);
  return rank < 0 || rank >= KEY_SLOTS ? null : owner * KEY_SLOTS + rank;
}

/**
 * The MATCH expression for values holding `word`: each of its trigrams (detail=none has no
 * phrases), so candidates hold them all but maybe apart; the caller checks the value itself.
 */
export function trigramMatch(word: string): string {
  const chars = [...word];
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars.slice(i, i + 3).join(''));
  return [...trigrams].map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ');
}

export interface KeyTrigrams {
  /**
   * Keeps the index in step while a delivery's keys go from `before` to `after` (its stored
   * form's keys; [] when it had or will have none): `write` changes correlation_keys.
   */
  replace(seq: number, before: readonly CorrelationKey[], after: readonly CorrelationKey[], write: () => void): void;
}

export function keyTrigrams(db: Database.Database): KeyTrigrams {
  const firstHolder = db.prepare<[string], number>('SELECT delivery_seq FROM correlation_keys WHERE value = ? ORDER BY value, delivery_seq LIMIT 1').pluck();
  const formOf = db.prepare<[number], Buffer>('SELECT form FROM delivery_contents WHERE seq = ?').pluck();
  const add = db.prepare('INSERT INTO key_trigrams (rowid, value) VALUES (?, ?)');
  const remove = db.prepare("INSERT INTO key_trigrams (key_trigrams, rowid, value) VALUES ('delete', ?, ?)");
  const valuesOf = (seq: number) => {
    const form = formOf.get(seq);
    return slotOrder(form === undefined ? [] : (decodeDelivery<StoredDetail>(form).detail?.correlationKeys ?? []));
  };

  return {
    replace(seq, before, after, write) {
      const oldValues = slotOrder(before);
      const newValues = slotOrder(after);
      const touched = [...new Set([...oldValues, ...newValues])];
      const ownerBefore = touched.map((value) => firstHolder.get(value));
      write();
      const moves: Array<{ value: string; from: number | null; to: number | null }> = [];
      touched.forEach((value, index) => {
        const was = ownerBefore[index];
        const now = firstHolder.get(value);
        // Another delivery's entry, still its own: its rank there is unchanged.
        if (was === now && was !== seq) return;
        const from = was === undefined ? null : entryRowid(was, value, was === seq ? oldValues : valuesOf(was));
        const to = now === undefined ? null : entryRowid(now, value, now === seq ? newValues : valuesOf(now));
        if (from !== to) moves.push({ value, from, to });
      });
      // Every remove before any add: a value moving up a rank lands on the rowid its neighbour
      // still holds, and a delete at a rowid takes out every trigram filed there, its own included.
      for (const { value, from } of moves) if (from !== null) remove.run(from, value);
      for (const { value, to } of moves) if (to !== null) add.run(to, value);
    },
  };
}

/** Fills the index from the keys already stored (migration 015): each delivery's own values, in seq order. */
export function fillKeyTrigrams(db: Database.Database): void {
  const read = db.prepare<[number, number], { seq: number; form: Buffer }>('SELECT seq, form FROM delivery_contents WHERE seq > ? ORDER BY seq LIMIT ?');
  const firstHolder = db.prepare<[string], number>('SELECT delivery_seq FROM correlation_keys WHERE value = ? ORDER BY value, delivery_seq LIMIT 1').pluck();
  const add = db.prepare('INSERT INTO key_trigrams (rowid, value) VALUES (?, ?)');
  for (let after = 0; ; ) {
    const rows = read.all(after, 1_000);
    if (rows.length === 0) return;
    for (const { seq, form } of rows) {
      const values = slotOrder(decodeDelivery<StoredDetail>(form).detail?.correlationKeys ?? []);
      for (const value of values) {
        const rowid = firstHolder.get(value) === seq ? entryRowid(seq, value, values) : null;
        if (rowid !== null) add.run(rowid, value);
      }
    }
    after = rows[rows.length - 1]!.seq;
  }
}
