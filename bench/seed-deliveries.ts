import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createSqliteStore } from '../src-main/store/sqlite/index.js';
import { encodeDelivery } from '../src-main/store/codec/stored-forms.js';
import { keyTrigrams } from '../src-main/store/sqlite/key-trigrams.js';

const PROVIDERS = ['paychant', 'calypso', 'instaxchange', 'openxswitch', 'instap'] as const;
const STATUSES = ['completed', 'pending', 'confirming', 'failed', 'created'] as const;
const VERIFICATIONS = ['valid', 'valid', 'valid', 'invalid', 'unsigned'] as const;

/**
 * Fills a fresh store with `count` derived deliveries in one transaction of plain INSERTs:
 * the schema comes from the real migrations (createSqliteStore), the rows skip the pipeline,
 * which would take minutes for 100,000. Rows look like inbox rows of real traffic: five
 * providers, mixed statuses and signatures, a correlation key and a search text each.
 */
export async function seedDeliveries(dataDir: string, count: number): Promise<void> {
  const store = createSqliteStore(dataDir);
  await store.close();
  const db = new Database(join(dataDir, 'gatewatch.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(`INSERT INTO deliveries (seq, id, provider, label, received_at, method, path, query, size,
      body_sha256, remote_address, derived_at, event_type, event_id, verification_status, status,
      amount_value, amount_currency, reference)
    VALUES (@seq, @id, @provider, NULL, @receivedAt, 'POST', @path, '', @size,
      NULL, '127.0.0.1', @receivedAt, @eventType, @eventId, @verification, @status,
      @amount, 'USD', @reference)`);
  const contents = db.prepare('INSERT INTO delivery_contents (seq, form) VALUES (?, ?)');
  const key = db.prepare('INSERT INTO correlation_keys (delivery_seq, kind, value) VALUES (?, ?, ?)');
  const search = db.prepare('INSERT INTO delivery_search (rowid, text) VALUES (?, ?)');
  const trigrams = keyTrigrams(db);
  const start = Date.now() - count * 1000;
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const provider = PROVIDERS[i % PROVIDERS.length]!;
      const reference = `bench-ref-${i}`;
      const body = Buffer.from(`{"event":"bench","data":{"ref":"${reference}","amount":"${(i % 997) + 0.5}"}}`);
      const verification = VERIFICATIONS[i % VERIFICATIONS.length]!;
      insert.run({
        seq: i,
        id: `dlv_bench_${String(i).padStart(7, '0')}`,
        provider,
        receivedAt: new Date(start + i * 1000).toISOString(),
        path: `/webhooks/${provider}`,
        size: body.length,
        eventType: `bench.${STATUSES[i % STATUSES.length]}`,
        eventId: `ev-${i}`,
        verification,
        status: STATUSES[i % STATUSES.length],
        amount: `${(i % 997) + 0.5}`,
        reference,
      });
      const detail = {
        verification: { status: verification, candidatesTried: [] },
        normalized: null,
        schemaIssues: [],
        correlationKeys: [{ kind: 'reference', value: reference }],
      };
      contents.run(i, encodeDelivery({ headers: [['content-type', 'application/json']], body, detail }));
      trigrams.replace(i, [], detail.correlationKeys, () => key.run(i, 'reference', reference));
      search.run(i, `${provider}\n${reference}\n${body.toString()}`);
    }
  })();
  db.close();
}
