import { describe, it, expect, vi } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createAesGcmCipher, loadOrCreateKeyFile, masterKeyFromEnv, KEY_FILE_NAME } from '../../src-main/secrets/cipher.js';
import { maskSecret } from '../../src-shared/domain/mask.js';
import { isMaskedCredentialValue, maskCredentialHeaders } from '../../src-shared/domain/credential-headers.js';

describe('AES-256-GCM cipher', () => {
  const cipher = createAesGcmCipher(randomBytes(32));
  const row = { owner: 'provider:paychant', kind: 'webhookSecret', label: 'production' };

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt('whsec_Zoë_1a2b', row);
    const b = cipher.encrypt('whsec_Zoë_1a2b', row);
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(2);
    expect(cipher.decrypt(a, row)).toBe('whsec_Zoë_1a2b');
    expect(a.includes(Buffer.from('whsec'))).toBe(false);
    expect(cipher).toMatchObject({ secure: true });
  });

  it('refuses altered data, another key, unknown versions and truncation', () => {
    const blob = cipher.encrypt('secret', row);
    const altered = Buffer.from(blob);
    altered[altered.length - 1]! ^= 1;
    expect(() => cipher.decrypt(altered, row)).toThrow('the master key is wrong, or the data was altered');
    expect(() => createAesGcmCipher(randomBytes(32)).decrypt(blob, row)).toThrow('could not be decrypted');
    expect(() => cipher.decrypt(Buffer.concat([Buffer.from([3]), blob.subarray(1)]), row)).toThrow('unknown format version 3');
    expect(() => cipher.decrypt(blob.subarray(0, 10), row)).toThrow('truncated');
  });

  it('rejects a key of the wrong size', () => {
    expect(() => createAesGcmCipher(randomBytes(16))).toThrow('must be 32 bytes');
  });
});

describe('key file', () => {
  it('creates 32 random bytes with mode 0600, then reads the same key back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatewatch-key-'));
    const key = loadOrCreateKeyFile(join(dir, 'data'));
    expect(key).toHaveLength(32);
    const path = join(dir, 'data', KEY_FILE_NAME);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(join(dir, 'data')).equals(key)).toBe(true);
    expect(readFileSync(path).equals(key)).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('makes a key file others could read 0600 and says, on stderr by default, to replace the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatewatch-key-'));
    const path = join(dir, KEY_FILE_NAME);
    const key = randomBytes(32);
    writeFileSync(path, key, { mode: 0o644 });
    chmodSync(path, 0o644);
    const logged: string[] = [];
    expect(loadOrCreateKeyFile(dir, (line) => logged.push(line)).equals(key)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^The key file .*master\.key was readable by others \(0644\); now 0600\. Anyone who read it can decrypt the stored secrets: /);
    expect(logged[0]).toMatch(/change the API keys and webhook secrets at the providers/);
    expect(logged[0]).not.toContain(key.toString('hex'));
    // Already 0600: nothing more to say.
    loadOrCreateKeyFile(dir, (line) => logged.push(line));
    expect(logged).toHaveLength(1);

    chmodSync(path, 0o640);
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      loadOrCreateKeyFile(dir);
      expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^gatewatch: The key file .* was readable by others \(0640\)/));
    } finally {
      stderr.mockRestore();
    }
  });

  it('refuses a key file of the wrong length instead of replacing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatewatch-key-'));
    writeFileSync(join(dir, KEY_FILE_NAME), Buffer.alloc(31));
    expect(() => loadOrCreateKeyFile(dir)).toThrow('holds 31 bytes, expected 32');
    expect(readFileSync(join(dir, KEY_FILE_NAME))).toHaveLength(31);
  });
});

describe('GATEWATCH_MASTER_KEY', () => {
  const key = randomBytes(32);
  it.each([
    ['hex', key.toString('hex')],
    ['upper-case hex', key.toString('hex').toUpperCase()],
    ['base64', key.toString('base64')],
    ['base64 with a trailing newline', `${key.toString('base64')}\n`],
  ])('accepts %s', (_name, value) => {
    expect(masterKeyFromEnv(value).equals(key)).toBe(true);
  });

  it.each(['', 'abc', 'z'.repeat(64), randomBytes(16).toString('base64'), randomBytes(31).toString('hex')])(
    'rejects %j with a clear error that does not echo it',
    (value) => {
      expect(() => masterKeyFromEnv(value)).toThrow(/64 hex characters or as base64/);
      try {
        masterKeyFromEnv(value);
      } catch (err) {
        if (value.length > 0) expect((err as Error).message).not.toContain(value);
      }
    },
  );
});

describe('maskSecret', () => {
  it.each([
    ['whsec_abcdef1a2b', '••••1a2b'],
    ['12345678', '••••5678'],
    ['1234567', '••••'],
    ['', '••••'],
  ])('%j → %j', (value, masked) => {
    expect(maskSecret(value)).toBe(masked);
  });

  it('is the one format credential headers use too, kept recognisable by its dots', () => {
    const masked = maskCredentialHeaders([
      ['Authorization', 'Bearer prod-token-0123456789wxyz'],
      ['Cookie', 'session=abcdef; theme=dark'],
      ['Content-Type', 'application/json'],
    ]);
    expect(masked).toEqual([
      ['Authorization', 'Bearer ••••wxyz'],
      ['Cookie', '••••dark'],
      ['Content-Type', 'application/json'],
    ]);
    expect(masked.map(([, value]) => isMaskedCredentialValue(value))).toEqual([true, true, false]);
    expect(isMaskedCredentialValue('Bearer abc')).toBe(false);
  });
});
