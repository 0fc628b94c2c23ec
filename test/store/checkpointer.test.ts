import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
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
  const write = (count: number, prefix: string) =>
    db.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(`${prefix}${i}`, 'x'.repeat(200), '2026-11-22T00:00:00.000Z');
    })();
  write(rows, 'k');
  return { db, dir, write };
}

/** How many rows are in the database file itself (a copy of it without its log). */
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

const logPages = (db: Database.Database) => (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!.log;

const threadScript = {
  script: new URL('../helpers/ts-thread.mjs', import.meta.url),
  argv: [new URL('../../src-main/store/sqlite/checkpoint-thread.ts', import.meta.url).href],
};

/** An inline pass that copies nothing: whatever reaches the file was copied by the thread. */
const inertInline: Checkpointer = { run: async () => 0, close: async () => {} };

describe('checkpoints in a thread of their own', () => {
  it('copies the log into the database file on the thread’s connection, one checkpoint at a time', async () => {
    const { db, dir } = await storeWithLog(500);
    expect(rowsInFile(dir.path)).toBe(0);
    const checkpointer = new ThreadCheckpointer({ ...threadScript, data: { file: db.name } }, inertInline);
    cleanups.push(() => checkpointer.close());
    const first = checkpointer.run(true);
    expect(checkpointer.run(true)).toBe(first); // a call during a checkpoint shares it
    expect(await first).toBeGreaterThan(0);
    expect(rowsInFile(dir.path)).toBe(500);
  });

  it('lets the log start afresh although the main connection kept writing during the checkpoint', async () => {
    const { db, write } = await storeWithLog(3000);
    const before = logPages(db);
    const checkpointer = new ThreadCheckpointer({ ...threadScript, data: { file: db.name } }, inlineCheckpointer(db));
    cleanups.push(() => checkpointer.close());
    let done = false;
    const run = checkpointer.run(true).finally(() => (done = true));
    let writesDuring = 0;
    while (!done) {
      write(20, `during${writesDuring++}-`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await run;
    expect(writesDuring).toBeGreaterThan(0);
    write(1, 'after'); // the next writer restarts the log when all of it was copied
    expect(logPages(db)).toBeLessThan(10);
    expect(before).toBeGreaterThan(100);
  });

  it('checkpoints in the calling thread when its thread cannot start, and says so', async () => {
    const { db, dir } = await storeWithLog(50);
    const errors: Error[] = [];
    const checkpointer = new ThreadCheckpointer(
      { script: new URL('./no-such-thread.js', import.meta.url), data: { file: db.name }, onError: (e) => errors.push(e) },
      inlineCheckpointer(db),
    );
    cleanups.push(() => checkpointer.close());
    await checkpointer.run(true);
    expect(rowsInFile(dir.path)).toBe(50);
    expect(errors.map((e) => e.message).join()).toContain('the checkpoint thread failed');
  });

  it('copies a small log in the calling thread, without starting the thread', async () => {
    const { db, dir } = await storeWithLog(50);
    const checkpointer = new ThreadCheckpointer(
      { script: new URL('./no-such-thread.js', import.meta.url), data: { file: db.name }, onError: () => expect.fail('no thread') },
      inlineCheckpointer(db),
    );
    cleanups.push(() => checkpointer.close());
    await checkpointer.run();
    expect(rowsInFile(dir.path)).toBe(50);
  });

  it('closes the store in a process that nothing else keeps alive', () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const script = new URL('../helpers/checkpoint-then-close.ts', import.meta.url).pathname;
    const output = execFileSync(process.execPath, ['--import', 'tsx', script, dir.path], { encoding: 'utf8', timeout: 30_000 });
    expect(output.trim().split('\n')).toEqual(['closed']);
    // A clean close folds the log into the file and removes it.
    expect(existsSync(join(dir.path, 'gatewatch.db-wal'))).toBe(false);
  });
});
