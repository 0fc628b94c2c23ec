import { describe, expect, it } from 'vitest';
import { addressKey, isLoopback, isTunnelAgentAddress, lastForwardedHop } from '../../src-main/listener/client-address.js';
import { ClientState, ClientTable } from '../../src-main/listener/clients.js';
import { fdSafeConnectionCap } from '../../src-main/listener/limits.js';
import { StorageGuard, type DiskSpace } from '../../src-main/listener/storage-guard.js';

const GiB = 1024 ** 3;

describe('who a request is charged to', () => {
  it('keys IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });

  it('takes the last X-Forwarded-For hop, the one the tunnel appended', () => {
    expect(lastForwardedHop('198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(lastForwardedHop(['198.51.100.1', '203.0.113.7:4433'])).toBe('203.0.113.7');
    expect(lastForwardedHop('[2001:db8::5]')).toBe('2001:db8:0:0::/64');
    expect(lastForwardedHop('1.2.3.4, ')).toBeNull();
    expect(lastForwardedHop(undefined)).toBeNull();
  });

  it('knows loopback, and of it only 127.0.0.1 and ::1 as where a tunnel agent connects from', () => {
    expect(['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '::2', undefined].some(isLoopback)).toBe(false);
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].every(isTunnelAgentAddress)).toBe(true);
    expect(['127.0.0.2', '127.1.2.3', '::ffff:127.0.0.2', '10.0.0.1', undefined].some(isTunnelAgentAddress)).toBe(false);
  });
});

describe('the global connection cap', () => {
  it('stays under the soft open-file limit', () => {
    expect(fdSafeConnectionCap('Max open files            1024                 524288               files\n')).toBe(768);
    expect(fdSafeConnectionCap('Max open files            1048576              1048576              files\n')).toBe(4096);
    expect(fdSafeConnectionCap('Max open files            unlimited            unlimited            files\n')).toBe(4096);
    expect(fdSafeConnectionCap(null)).toBe(4096);
  });
});

describe('a sender’s token bucket and refusal records', () => {
  it('allows the burst, then the rate, and says how long to wait', () => {
    const client = new ClientState();
    const limit = { perSecond: 2, burst: 3 };
    expect([0, 0, 0].map(() => client.take(limit, 1_000))).toEqual([0, 0, 0]);
    expect(client.take(limit, 1_000)).toBe(1);
    expect(client.take(limit, 1_500)).toBe(0); // half a second refills one
    expect(client.take(limit, 1_500)).toBe(1);
  });

  it('takes stored bytes from a bucket of their own: the burst at once, then the rate', () => {
    const client = new ClientState();
    const bytes = { perSecond: 2_000, burst: 16_000 };
    expect(client.bytesWait(16_000, bytes, 0)).toBe(0);
    expect(client.takeBytes(10_000, bytes, 0)).toBe(0);
    expect(client.takeBytes(10_000, bytes, 0)).toBe(2); // 6,000 left: 4,000 more take two seconds
    expect(client.bytesWait(10_000, bytes, 2_000)).toBe(0);
    expect(client.takeBytes(10_000, bytes, 2_000)).toBe(0);
    // The request bucket is its own.
    expect(client.take({ perSecond: 1, burst: 1 }, 2_000)).toBe(0);
    // More than the burst at once passes only with a full bucket, and leaves it owing.
    expect(client.takeBytes(40_000, bytes, 100_000)).toBe(0);
    expect(client.bytesWait(1, bytes, 100_000)).toBe(13);
  });

  it('records one refusal of each kind a second and counts the rest', () => {
    const client = new ClientState();
    expect(client.refusalToRecord(0, 429)).toBe(0);
    expect(client.refusalToRecord(300, 429)).toBeNull();
    expect(client.refusalToRecord(900, 429)).toBeNull();
    // Another kind is not hidden behind the first.
    expect(client.refusalToRecord(900, 404)).toBe(0);
    expect(client.refusalToRecord(950, 404)).toBeNull();
    expect(client.refusalToRecord(1_000, 429)).toBe(2);
    expect(client.refusalToRecord(1_900, 404)).toBe(1);
  });

  it('forgets idle senders only once their bucket is full again', () => {
    const table = new ClientTable();
    const limit = { perSecond: 10, burst: 10 };
    for (let i = 0; i < 10; i++) table.get('a').take(limit, 0);
    table.get('b').connections = 1;
    table.sweep(500, limit);
    expect(table.size).toBe(2);
    table.sweep(1_500, limit);
    expect(table.size).toBe(1); // 'b' still holds a socket
  });
});

describe('StorageGuard', () => {
  function guard(options: { used: number; free: number; quota: number | null; floor?: number }) {
    const disk = { free: options.free };
    let used = options.used;
    let quota = options.quota;
    let failing = false;
    const errors: unknown[] = [];
    const g = new StorageGuard({
      sizeOnDisk: async () => {
        if (failing) throw new Error('EIO');
        return used;
      },
      dataDir: '/unused',
      quotaBytes: () => quota,
      minFreeDiskBytes: options.floor ?? GiB,
      checkEveryMs: 60_000,
      diskSpace: async (): Promise<DiskSpace> => ({ freeBytes: disk.free, totalBytes: 100 * GiB }),
      onError: (error) => errors.push(error),
    });
    return {
      g,
      errors,
      setUsed: (bytes: number) => (used = bytes),
      setQuota: (bytes: number | null) => (quota = bytes),
      setFree: (bytes: number) => (disk.free = bytes),
      fail: () => (failing = true),
    };
  }

  it('refuses under the free-disk floor even without a quota, and says so', async () => {
    const t = guard({ used: 10_000_000, free: 0.9 * GiB, quota: null });
    await t.g.check();
    expect(t.g.refusing).toMatch(/disk holding the store has 921\.6 MiB free; deliveries stop at 1\.0 GiB free/);
    expect(t.g.snapshot().level).toBe('full');
    t.setFree(1.5 * GiB);
    await t.g.check();
    expect(t.g.refusing).toBeNull();
    expect(t.g.snapshot().level).toBe('near'); // under twice the floor
  });

  it('keeps 5% of a large disk free, not only the fixed floor, and says which floor holds', async () => {
    const disk = { free: 4 * GiB };
    const g = new StorageGuard({
      sizeOnDisk: async () => 10_000_000,
      dataDir: '/unused',
      quotaBytes: () => null,
      minFreeDiskBytes: GiB,
      minFreeDiskFraction: 0.05,
      checkEveryMs: 60_000,
      diskSpace: async (): Promise<DiskSpace> => ({ freeBytes: disk.free, totalBytes: 100 * GiB }),
    });
    await g.check();
    expect(g.refusing).toMatch(/has 4\.0 GiB free; deliveries stop at 5\.0 GiB free/);
    expect(g.snapshot().minFreeDiskBytes).toBe(5 * GiB);
    disk.free = 12 * GiB;
    await g.check();
    expect(g.refusing).toBeNull();
    expect(g.snapshot().level).toBe('ok');
  });

  it('refuses as soon as what was written since the last read crosses the quota', async () => {
    const t = guard({ used: 9 * 1024 * 1024, free: 50 * GiB, quota: 10 * 1024 * 1024 });
    await t.g.check();
    expect(t.g.snapshot().level).toBe('near');
    t.g.added(500_000);
    expect(t.g.refusing).toBeNull();
    t.g.added(600_000);
    expect(t.g.refusing).toMatch(/Storage quota reached/);
    t.setQuota(null);
    await t.g.check();
    expect(t.g.refusing).toBeNull();
  });

  it('keeps its last state when a read fails, and reports the failure', async () => {
    const t = guard({ used: 20 * 1024 * 1024, free: 50 * GiB, quota: 10 * 1024 * 1024 });
    await t.g.check();
    expect(t.g.refusing).not.toBeNull();
    t.fail();
    t.setUsed(0);
    await t.g.check();
    expect(t.g.refusing).not.toBeNull();
    expect(t.errors).toHaveLength(1);
  });
});
