import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/store/sqlite/open.js';
import { inlineCheckpointer, ThreadCheckpointer, type Checkpointer } from '../../src-main/store/sqlite/checkpointer.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store whose log holds `rows` settings rows that the database file does not have yet. */
async function storeWithLog(rows: number) {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  const db = openDatabase(dir.path);
  cleanups.push(() => void db.close());
  await inlineCheckpointer(db).run(); // the schema is in the file; the rows below only in the log
  const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`k${i}`, 'x'.repeat(200), '2026-11-22T00:00:00.000Z');
  })();
  return { db, dir };
}

/** How many of the rows are in the database file itself (a copy of it without its log). */
function rowsInFile(dir: string): number {
  const copy = tempDir();
  cleanups.push(() => copy.remove());
  copyFileSync(join(dir, 'gatewatch.db'), join(copy.path, 'gatewatch.db'));
  const db = new Database(join(copy.path, 'gatewatch.db'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM settings').pluck().get() as number;
  } finally {
    db.close();
  }
}

const threadScript = { script: new URL('../helpers/ts-thread.mjs', import.meta.url), argv: [new URL('../../src-main/store/sqlite/checkpoint-thread.ts', import.meta.url).href] };

function counting(fallback: Checkpointer): Checkpointer & { calls: number } {
  const counted = { calls: 0, run: () => (counted.calls++, fallback.run()), close: () => fallback.close() };
  return counted;
}

describe('checkpoints in a thread of their own', () => {
  it('copies the log into the database file on the thread’s connection', async () => {
    const { db, dir } = await storeWithLog(500);
    expect(rowsInFile(dir.path)).toBe(0);
    const fallback = counting(inlineCheckpointer(db));
    const checkpointer = new ThreadCheckpointer({ ...threadScript, data: { file: db.name } }, fallback);
    cleanups.push(() => checkpointer.close());
    const [first, second] = await Promise.all([checkpointer.run(), checkpointer.run()]);
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(first); // one checkpoint at a time: the second call shares the first
    expect(fallback.calls).toBe(0);
    expect(rowsInFile(dir.path)).toBe(500);
    // The main connection keeps writing meanwhile and afterwards.
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('after', '1', 'now');
    await checkpointer.run();
    expect(rowsInFile(dir.path)).toBe(501);
  });

  it('checkpoints in the calling thread when its thread cannot start', async () => {
    const { db, dir } = await storeWithLog(50);
    const fallback = counting(inlineCheckpointer(db));
    const checkpointer = new ThreadCheckpointer({ script: new URL('./no-such-thread.js', import.meta.url), data: { file: db.name } }, fallback);
    cleanups.push(() => checkpointer.close());
    await checkpointer.run();
    expect(fallback.calls).toBe(1);
    expect(rowsInFile(dir.path)).toBe(50);
  });
});
