import type { ListenerStatus, StorageStatus } from '../../../src-shared/contract/listener.js';

const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;

/** Sizes as a person reads them, up to GiB (quotas and disks are that large). */
export function formatSize(bytes: number): string {
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= KiB) return `${(bytes / KiB).toFixed(1)} KiB`;
  return `${Math.max(0, Math.round(bytes))} B`;
}

export interface StorageLine {
  tone: StorageStatus['level'];
  text: string;
  /** What to do about it, when near or over. */
  advice: string | null;
}

/** The listener card's storage line: how full the store is, in words, before it is full. */
export function storageLine(storage: StorageStatus | null): StorageLine | null {
  if (storage === null) return null;
  if (storage.usedBytes === null) return { tone: 'ok', text: 'Storage: not read yet.', advice: null };
  const disk = storage.diskFreeBytes === null ? '' : ` · ${formatSize(storage.diskFreeBytes)} free on disk`;
  const text =
    storage.quotaBytes === null
      ? `Storage ${formatSize(storage.usedBytes)}, no quota${disk} (deliveries stop at ${formatSize(storage.minFreeDiskBytes)} free)`
      : `Storage ${Math.floor((storage.usedBytes / storage.quotaBytes) * 100)}% of quota: ${formatSize(storage.usedBytes)} of ${formatSize(storage.quotaBytes)}${disk}`;
  if (storage.level === 'full') {
    return {
      tone: 'full',
      text,
      advice: `New deliveries are refused (HTTP 507): ${storage.refusing ?? 'the store is full.'} Free space with retention or raise the quota under Settings.`,
    };
  }
  if (storage.level === 'near') {
    return {
      tone: 'near',
      text,
      advice: 'Nearly full: once full, new deliveries are refused (HTTP 507). Free space with retention or raise the quota under Settings.',
    };
  }
  return { tone: 'ok', text, advice: null };
}

/** What the listener allows one sender, and what it refused so far. */
export function protectionLine(status: Pick<ListenerStatus, 'protection' | 'rateLimit'>): string {
  const p = status.protection;
  const rate = status.rateLimit
    ? `${status.rateLimit.perSecond.toLocaleString()} requests a second (bursts of ${status.rateLimit.burst.toLocaleString()})`
    : 'no rate limit';
  const refused = [
    p.connectionsRefused > 0 ? `${p.connectionsRefused.toLocaleString()} connections over the per-sender limit refused` : null,
    p.refusalsNotRecorded > 0 ? `${p.refusalsNotRecorded.toLocaleString()} refusals answered but not recorded (one of each kind a second per sender is)` : null,
  ].filter((part) => part !== null);
  return `Per sender: ${p.maxConnectionsPerAddress.toLocaleString()} connections, ${rate}.${refused.length > 0 ? ` Since start: ${refused.join('; ')}.` : ''}`;
}

/**
 * Said when requests on loopback carry X-Forwarded-For but the listener does not trust it: a
 * tunnel not ticked as one makes every sender through it one sender (one rate limit for all).
 */
export function tunnelHint(status: Pick<ListenerStatus, 'protection' | 'trustForwardedHeaders'>): string | null {
  if (status.trustForwardedHeaders || !status.protection.untrustedForwardedFor) return null;
  return 'Requests arrive through a tunnel (on loopback, with X-Forwarded-For) but the listener does not trust it, so every sender through the tunnel counts as one. If it sits behind your tunnel, tick "The listener sits behind a tunnel" under Settings.';
}
