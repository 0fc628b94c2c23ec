import type pg from 'pg';

/**
 * key_values (migration 003) kept in step with correlation_keys: the distinct values, each once,
 * for the trigram lookup (key-lookup.ts). Run in the transaction that writes the keys.
 */

/** After keys with these values were inserted: the values not yet listed are. */
export async function listKeyValues(client: Pick<pg.ClientBase, 'query'>, values: readonly string[]): Promise<void> {
  if (values.length === 0) return;
  // In value order, so that two instances listing the same values wait for each other instead of deadlocking.
  await client.query('INSERT INTO key_values (value) SELECT DISTINCT v FROM unnest($1::text[]) AS v ORDER BY v ON CONFLICT DO NOTHING', [values]);
}

/** After keys with these values were deleted: the values no key has any more are unlisted. */
export async function unlistUnusedKeyValues(client: Pick<pg.ClientBase, 'query'>, values: readonly string[]): Promise<void> {
  if (values.length === 0) return;
  await client.query(
    `DELETE FROM key_values AS v WHERE v.value = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM correlation_keys AS k WHERE k.value = v.value)`,
    [[...new Set(values)]],
  );
}
