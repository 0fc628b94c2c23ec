import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/store/sqlite/open.js';
import { loadOrCreateKeyFile } from '../../src-main/secrets/cipher.js';
import { tempDir } from '../helpers/temp.js';

const mode = (path: string) => statSync(path).mode & 0o777;
const dirs: Array<{ remove(): void }> = [];
let previousUmask: number;
beforeEach(() => {
  // What most shells give a process: files 0644 and dirs 0755 unless the code says otherwise.
  previousUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(previousUmask);
  for (const d of dirs.splice(0)) d.remove();
});

describe.skipIf(process.platform === 'win32')('data dir and store file modes (customer data)', () => {
  it('creates the data dir 0700 and gatewatch.db, -wal and -shm 0600 under umask 022', () => {
    const parent = tempDir();
    dirs.push(parent);
    const dataDir = join(parent.path, 'nested', 'data');
    const db = openDatabase(dataDir);
    db.prepare('CREATE TABLE probe (x)').run();
    db.prepare('INSERT INTO probe VALUES (1)').run();
    expect(mode(dataDir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) {
      const file = join(dataDir, `gatewatch.db${suffix}`);
      expect(existsSync(file), file).toBe(true);
      expect(mode(file), file).toBe(0o600);
    }
    db.close();
  });

  it('tightens an existing dir and files left with looser modes, and says so', () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = openDatabase(dir.path);
    first.prepare('CREATE TABLE probe (x)').run();
    first.close();
    chmodSync(dir.path, 0o755);
    chmodSync(join(dir.path, 'gatewatch.db'), 0o644);
    // A log a crash left behind, with the mode an older version gave it.
    writeFileSync(join(dir.path, 'gatewatch.db-wal'), '', { mode: 0o644 });
    const logged: string[] = [];
    const db = openDatabase(dir.path, { log: (line) => logged.push(line) });
    expect(mode(dir.path)).toBe(0o700);
    expect(mode(join(dir.path, 'gatewatch.db'))).toBe(0o600);
    expect(mode(join(dir.path, 'gatewatch.db-wal'))).toBe(0o600);
    expect(mode(join(dir.path, 'gatewatch.db-shm'))).toBe(0o600);
    expect(logged.join('\n')).toMatch(/0755 to 0700/);
    expect(logged.join('\n')).toMatch(/gatewatch\.db was readable by others \(0644\); now 0600/);
    db.close();
  });

  it('creates the master key file in a 0700 dir', () => {
    const parent = tempDir();
    dirs.push(parent);
    const dataDir = join(parent.path, 'keys');
    loadOrCreateKeyFile(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'master.key'))).toBe(0o600);
  });

  it('leaves a dir that is already private alone, without a log line', () => {
    const dir = tempDir();
    dirs.push(dir);
    mkdirSync(join(dir.path, 'private'), { mode: 0o700 });
    const logged: string[] = [];
    openDatabase(join(dir.path, 'private'), { log: (line) => logged.push(line) }).close();
    expect(logged).toEqual([]);
  });
});
