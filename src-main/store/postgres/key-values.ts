import type pg from 'pg';

/**
 * key_values (migration 003) kept in step with correlation_keys: the distinct values, each once,
 * for the trigram lookup (key-lookup.ts). Run in the transaction that writes the keys.
 */

/**
 * Listing takes this lock shared until its transaction ends, unlisting takes it alone: a value's
 * last committed key deleted while another transaction's new key with it is not committed yet
 * would otherwise be unlisted for good (its NOT EXISTS cannot see the uncommitted key, and listing
 * an already listed value takes no row lock). Unlisting waits for those listings to commit, or
 * they wait for it and list the value again. Two int4 keys: "gate" and 2 (1 is migrations').
 */
const KEY_VALUES_LOCK = [0x67617465, 2] as const;

/** After keys with these values were inserted: the values not yet listed are. */
export async function listKeyValues(client: Pick<pg.ClientBase, 'query'>, values: readonly string[]): Promise<void> {
  if (values.length === 0) return;
  await client.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [...KEY_VALUES_LOCK]);
  // In value order, so that two instances listing the same values wait for each other instead of deadlocking.
  await client.query('INSERT INTO key_values (value) SELECT DISTINCT v FROM unnest($1::text[]) AS v ORDER BY v ON CONFLICT DO NOTHING', [values]);
}

/** After keys with these values were deleted: the values no key has any more are unlisted. */
export async function unlistUnusedKeyValues(client: Pick<pg.ClientBase, 'query'>, values: readonly string[]): Promise<void> {
  if (values.length === 0) return;
  // A statement of its own after the lock: it sees the keys of every transaction that listed values before it.
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...KEY_VALUES_LOCK]);
  await client.query(
    `DELETE FROM key_values AS v WHERE v.value = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM correlation_keys AS k WHERE k.value = v.value)`,
    [[...new Set(values)]],
  );
}
