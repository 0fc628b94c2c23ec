import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { logFileIn, RotatingFileLog } from '../../src-main/log/rotating-file-log.js';
import { tempDir } from '../helpers/temp.js';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

function dataDir(): string {
  const dir = tempDir('gatewatch-log-');
  dirs.push(dir);
  return dir.path;
}

const at = () => new Date('2026-03-01T10:00:00.000Z');
/** Each line is `<24-char ISO time> <message>\n`: 36 bytes for a 10-character message. */
const message = (n: number) => `message-${String(n).padStart(2, '0')}`;
const lineBytes = 24 + 1 + 10 + 1;

describe('RotatingFileLog', () => {
  it('appends time-stamped lines, creating the folder, to gatewatch.log in the data dir', () => {
    const file = logFileIn(join(dataDir(), 'not-yet'));
    const log = new RotatingFileLog({ file, now: at });
    log.write('listener started on 8787');
    log.write('a stack\n  at somewhere\n');
    log.close();
    expect(file.endsWith('gatewatch.log')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('2026-03-01T10:00:00.000Z listener started on 8787\n2026-03-01T10:00:00.000Z a stack\n  at somewhere\n');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps appending across restarts (a new logger on the same file), counting what is already there', () => {
    const file = logFileIn(dataDir());
    const first = new RotatingFileLog({ file, now: at, maxBytes: lineBytes * 3 });
    first.write(message(1));
    first.write(message(2));
    first.close();
    const second = new RotatingFileLog({ file, now: at, maxBytes: lineBytes * 3 });
    second.write(message(3));
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
    // The file already held two lines: the fourth starts a new file.
    second.write(message(4));
    second.close();
    expect(readFileSync(file, 'utf8')).toContain(message(4));
    expect(readFileSync(`${file}.1`, 'utf8')).toContain(message(1));
  });

  it('rotates before a line would pass the size, and keeps only the newest old files', () => {
    const dir = dataDir();
    const file = logFileIn(dir);
    const log = new RotatingFileLog({ file, now: at, maxBytes: lineBytes * 2, keep: 3 });
    for (let n = 1; n <= 12; n++) log.write(message(n));
    log.close();
    expect(readdirSync(dir).sort()).toEqual(['gatewatch.log', 'gatewatch.log.1', 'gatewatch.log.2', 'gatewatch.log.3']);
    const messages = (name: string) => readFileSync(join(dir, name), 'utf8').match(/message-\d+/g);
    expect(messages('gatewatch.log')).toEqual([message(11), message(12)]);
    expect(messages('gatewatch.log.1')).toEqual([message(9), message(10)]);
    expect(messages('gatewatch.log.3')).toEqual([message(5), message(6)]);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(lineBytes * 2);
  });

  it('defaults to 5 MiB a file and three old files', () => {
    const dir = dataDir();
    const file = logFileIn(dir);
    const log = new RotatingFileLog({ file, now: at });
    const big = 'x'.repeat(1024 * 1024 - 26); // a line of exactly 1 MiB
    for (let n = 0; n < 5 * 5; n++) log.write(big);
    log.close();
    expect(readdirSync(dir).sort()).toEqual(['gatewatch.log', 'gatewatch.log.1', 'gatewatch.log.2', 'gatewatch.log.3']);
    expect(statSync(join(dir, 'gatewatch.log.1')).size).toBe(5 * 1024 * 1024);
    expect(statSync(join(dir, 'gatewatch.log')).size).toBe(5 * 1024 * 1024);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'never throws when the file cannot be written: it says so once and drops the lines',
    () => {
      const dir = join(dataDir(), 'locked');
      mkdirSync(dir);
      chmodSync(dir, 0o500);
      const errors: string[] = [];
      const log = new RotatingFileLog({ file: logFileIn(dir), now: at, onError: (error) => errors.push(error.message) });
      log.write('one');
      log.write('two');
      chmodSync(dir, 0o700);
      expect(errors).toHaveLength(1);
      expect(existsSync(logFileIn(dir))).toBe(false);
    },
  );

  it('never throws when the folder cannot be made (a file is in the way)', () => {
    const errors: Error[] = [];
    const file = logFileIn(dataDir());
    const blocker = new RotatingFileLog({ file, now: at });
    blocker.write('this file is now where a folder would be');
    blocker.close();
    const log = new RotatingFileLog({ file: join(file, 'gatewatch.log'), now: at, onError: (error) => errors.push(error) });
    expect(() => log.write('line')).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});
