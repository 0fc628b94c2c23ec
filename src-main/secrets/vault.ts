import type { SecretRecord, SecretStore } from '../store/secrets-types.js';
import type { SettingsStore } from '../store/types.js';
import { maskSecret } from '../../src-shared/domain/mask.js';
import type { SecretCipher } from './cipher.js';
import { SecretUnreadableError, describeSecret } from './unreadable.js';

export { SecretUnreadableError } from './unreadable.js';

/** What the console may know about a secret: never its value. */
export interface SecretInfo {
  label: string;
  masked: string;
  keyRef: string | null;
  updatedAt: string;
  /** Set when the stored value cannot be decrypted: it must be entered again. */
  unreadable?: true;
}

export interface SecretValue {
  label: string;
  value: string;
  keyRef: string | null;
}

/** A stored secret read without failing: `value` is null when it cannot be decrypted, `problem` says why. */
export type SecretEntry = { label: string; keyRef: string | null } & ({ value: string } | { value: null; problem: SecretUnreadableError });

/**
 * Secrets in the main process: encrypted at rest by the cipher (safeStorage in the desktop app,
 * AES-256-GCM in serve mode), each ciphertext bound to its row (owner, kind, label), decrypted
 * only where a request is signed or a signature checked.
 */
/** Settings key: when the one-time upgrade of unbound rows ran. After it, unbound blobs are refused. */
export const UNBOUND_UPGRADE_KEY = 'secrets.unboundUpgrade';

export class SecretVault {
  /** Rows in an older format are re-encrypted, before any other use. */
  private readonly upgraded: Promise<void>;

  constructor(
    private readonly store: SecretStore,
    private readonly cipher: SecretCipher,
    /** Where the one-time upgrade of unbound rows is recorded. */
    private readonly settings: SettingsStore,
  ) {
    this.upgraded = this.upgradeLegacyRows();
    // Every use awaits it and sees a failure; this only keeps an unused vault from crashing the process.
    this.upgraded.catch(() => {});
  }

  get backend(): { backend: string; secure: boolean } {
    return { backend: this.cipher.backend, secure: this.cipher.secure };
  }

  async set(owner: string, kind: string, label: string, value: string, keyRef: string | null = null): Promise<void> {
    await this.upgraded;
    await this.store.put({
      owner,
      kind,
      label,
      keyRef,
      ciphertext: this.cipher.encrypt(value, { owner, kind, label }),
      masked: maskSecret(value),
      updatedAt: new Date().toISOString(),
    });
  }

  async remove(owner: string, kind?: string, label?: string): Promise<void> {
    await this.upgraded;
    await this.store.remove(owner, kind, label);
  }

  /** Labels, masks and dates; each value is decrypted only to say whether it can still be read. */
  async describe(owner: string, kind?: string): Promise<Array<SecretInfo & { kind: string }>> {
    await this.upgraded;
    return (await this.store.list(owner, kind)).map((r) => ({
      kind: r.kind,
      label: r.label,
      masked: r.masked,
      keyRef: r.keyRef,
      updatedAt: r.updatedAt,
      ...(typeof this.open(r) === 'string' ? {} : { unreadable: true as const }),
    }));
  }

  /** Every secret of this kind; throws SecretUnreadableError, naming it, if one cannot be decrypted. */
  async values(owner: string, kind: string): Promise<SecretValue[]> {
    return (await this.entries(owner, kind)).map((entry) => {
      if (entry.value === null) throw entry.problem;
      return { label: entry.label, value: entry.value, keyRef: entry.keyRef };
    });
  }

  /** Like values, but an unreadable secret is returned as such instead of failing the rest. */
  async entries(owner: string, kind: string): Promise<SecretEntry[]> {
    await this.upgraded;
    return (await this.store.list(owner, kind)).map((r) => {
      const value = this.open(r);
      return typeof value === 'string' ? { label: r.label, keyRef: r.keyRef, value } : { label: r.label, keyRef: r.keyRef, value: null, problem: value };
    });
  }

  /** One secret; only that row is decrypted (another unreadable row does not get in the way). */
  async get(owner: string, kind: string, label: string): Promise<string | null> {
    await this.upgraded;
    const row = (await this.store.list(owner, kind)).find((r) => r.label === label);
    if (!row) return null;
    const value = this.open(row);
    if (typeof value !== 'string') throw value;
    return value;
  }

  /** Every stored secret that can be read, whoever it belongs to: what a masker must hide. */
  async readableValues(): Promise<string[]> {
    await this.upgraded;
    return (await this.store.all()).map((row) => this.open(row)).filter((value): value is string => typeof value === 'string');
  }

  /** The value, or why it cannot be read (a blob moved from another row, another key, altered data). */
  private open(row: SecretRecord): string | SecretUnreadableError {
    try {
      return this.cipher.decrypt(Buffer.from(row.ciphertext), row);
    } catch (error) {
      return new SecretUnreadableError(describeSecret(row), (error as Error).message);
    }
  }

  /**
   * Re-encrypts rows in an older format in place; rows that cannot be decrypted stay as they are
   * (reported unreadable when used). Unbound rows (they decrypt in any row) are read only the
   * first time, which is then recorded: one copied in later, from a backup or another row, could
   * be anyone's secret, so it is refused and must be entered again.
   */
  private async upgradeLegacyRows(): Promise<void> {
    const unboundAllowed = (await this.settings.get(UNBOUND_UPGRADE_KEY)) === undefined;
    const rows = await this.store.all();
    for (const row of rows) {
      const blob = Buffer.from(row.ciphertext);
      if (!this.cipher.isLegacy(blob)) continue;
      const unbound = this.cipher.isUnbound(blob);
      if (unbound && !unboundAllowed) continue;
      let value: string;
      try {
        value = this.cipher.decrypt(blob, row, unbound ? { rows } : undefined);
      } catch {
        continue; // reported as unreadable when it is used; nothing is lost by leaving it
      }
      await this.store.put({ ...row, ciphertext: this.cipher.encrypt(value, row) });
    }
    if (unboundAllowed) await this.settings.set(UNBOUND_UPGRADE_KEY, { completedAt: new Date().toISOString() });
  }
}
