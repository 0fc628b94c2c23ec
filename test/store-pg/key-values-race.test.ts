/**
 * PostgreSQL's key_values (the distinct key values the middle-of-id lookup searches) keeps a value
 * a new key still holds when retention deletes its last committed key at the same moment: the two
 * transactions of this test are interleaved by hand, on two connections, as two instances would.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src-main/store/postgres/index.js';
import { listKeyValues, unlistUnusedKeyValues } from '../../src-main/store/postgres/key-values.js';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';

const VALUE = 'wal_123456789';

describe.skipIf(sharedCluster() === null)('key_values on PostgreSQL, listed and unlisted at once', () => {
  let url: string;
  const clients: pg.Client[] = [];
  beforeAll(async () => {
    url = await createTestDatabase();
    // The store's migrations make the tables; its connections are not needed after.
    await (await openPostgresStore(url, { log: () => {} })).close();
  });
  afterAll(async () => {
    for (const client of clients) await client.end();
    await dropTestDatabase(url);
  });

  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  };
  const listed = async (client: pg.Client) => (await client.query('SELECT value FROM key_values WHERE value = $1', [VALUE])).rowCount;
  /** A delivery row to hang keys on (correlation_keys refers to it); its seq. */
  const delivery = async (client: pg.Client, id: string) =>
    Number(
      (
        await client.query<{ seq: string }>(
          `INSERT INTO deliveries (id, provider, received_at, method, path, query, size, remote_address)
           VALUES ($1, 'paychant', now(), 'POST', '/webhooks/paychant', '', 2, '127.0.0.1') RETURNING seq`,
          [id],
        )
      ).rows[0]!.seq,
    );

  it('keeps a value whose only committed key is deleted while a new key with it is not committed yet', async () => {
    const [derivation, retention] = [await connect(), await connect()];
    const first = await delivery(retention, 'dlv_race_first');
    const second = await delivery(retention, 'dlv_race_second');
    await retention.query("INSERT INTO correlation_keys (value, delivery_seq, kind) VALUES ($1, $2, 'walletId')", [VALUE, first]);
    await listKeyValues(retention, [VALUE]);

    // Derivation of the second delivery: its key written and listed (the value is listed already), not committed.
    await derivation.query('BEGIN');
    await derivation.query("INSERT INTO correlation_keys (value, delivery_seq, kind) VALUES ($1, $2, 'walletId')", [VALUE, second]);
    await listKeyValues(derivation, [VALUE]);

    // Retention deletes the first delivery's key and unlists what no key holds: it waits for the derivation.
    await retention.query('BEGIN');
    await retention.query('DELETE FROM correlation_keys WHERE delivery_seq = $1', [first]);
    const unlisting = unlistUnusedKeyValues(retention, [VALUE]).then(() => retention.query('COMMIT'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await derivation.query('COMMIT');
    await unlisting;
    expect(await listed(retention)).toBe(1);
  });

  it('lists a value again when the unlisting came first', async () => {
    const [derivation, retention] = [await connect(), await connect()];
    const first = await delivery(retention, 'dlv_race_third');
    const second = await delivery(retention, 'dlv_race_fourth');
    await retention.query('DELETE FROM correlation_keys WHERE value = $1', [VALUE]);
    await retention.query("INSERT INTO correlation_keys (value, delivery_seq, kind) VALUES ($1, $2, 'walletId')", [VALUE, first]);
    await listKeyValues(retention, [VALUE]);

    await retention.query('BEGIN');
    await retention.query('DELETE FROM correlation_keys WHERE delivery_seq = $1', [first]);
    await unlistUnusedKeyValues(retention, [VALUE]);
    await derivation.query('BEGIN');
    await derivation.query("INSERT INTO correlation_keys (value, delivery_seq, kind) VALUES ($1, $2, 'walletId')", [VALUE, second]);
    const listing = listKeyValues(derivation, [VALUE]).then(() => derivation.query('COMMIT'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await retention.query('COMMIT');
    await listing;
    expect(await listed(retention)).toBe(1);
  });
});
