import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKeyFile } from '../../src-main/serve/team-store.js';
import { tempDir } from '../helpers/temp.js';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

describe('the shared secrets key file', () => {
  it('is created whole (0600, no draft left beside it) and read back the same by the next instance', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir.path, 'team.key');
    const lines: string[] = [];
    const first = loadKeyFile(path, (line) => lines.push(line));
    expect(first).toHaveLength(32);
    expect(lines.join('\n')).toContain('created a new secrets key');
    expect(loadKeyFile(path, () => {})).toEqual(first);
    expect(readdirSync(dir.path)).toEqual(['team.key']);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps a key another instance put in place, and refuses a file of the wrong size', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir.path, 'team.key');
    const theirs = Buffer.alloc(32, 7);
    writeFileSync(path, theirs, { mode: 0o600 });
    expect(loadKeyFile(path, () => {})).toEqual(theirs);
    writeFileSync(path, Buffer.alloc(0), { mode: 0o600 });
    expect(() => loadKeyFile(path, () => {})).toThrow(/holds 0 bytes/);
  });
});
