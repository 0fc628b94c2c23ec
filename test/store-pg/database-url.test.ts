import { describe, expect, it } from 'vitest';
import { databaseUrlHasPassword, describeDatabaseUrl } from '../../src-main/store/postgres/pool.js';

// node-postgres takes a password from the user part of the URL and from its query string
// (pg-connection-string copies query parameters into the config): neither may be printed.
describe('a database URL as it may be printed', () => {
  it('hides a password in the user part and in the query string', () => {
    expect(describeDatabaseUrl('postgres://gw:s3cret-pass@db:5432/gw')).toBe('postgres://gw:***@db:5432/gw');
    const shown = describeDatabaseUrl('postgres://gw@db/gw?password=s3cret-pass&sslmode=require&sslpassword=key-pass');
    expect(shown).not.toContain('s3cret-pass');
    expect(shown).not.toContain('key-pass');
    expect(new URL(shown).searchParams.get('sslmode')).toBe('require');
  });

  it('says whether a URL carries a password, in either place', () => {
    expect(databaseUrlHasPassword('postgres://gw:p@db/gw')).toBe(true);
    expect(databaseUrlHasPassword('postgres://gw@db/gw?password=p')).toBe(true);
    expect(databaseUrlHasPassword('postgres://gw@db/gw?sslmode=require')).toBe(false);
    expect(databaseUrlHasPassword('not a url')).toBe(false);
  });
});
