import type { SecretStore } from '../store/secrets-types.js';
import { maskSecret, type SecretCipher } from './cipher.js';

/** What the console may know about a secret: never its value. */
export interface SecretInfo {
  label: string;
  masked: string;
  keyRef: string | null;
  updatedAt: string;
}

export interface SecretValue {
  label: string;
  value: string;
  keyRef: string | null;
}

/**
 * Secrets in the main process: encrypted at rest by the cipher (safeStorage in the desktop app,
 * AES-256-GCM in serve mode), decrypted only where a request is signed or a signature checked.
 */
export class SecretVault {
  constructor(
    private readonly store: SecretStore,
    private readonly cipher: SecretCipher,
  ) {}

  get backend(): { backend: string; secure: boolean } {
    return { backend: this.cipher.backend, secure: this.cipher.secure };
  }

  async set(owner: string, kind: string, label: string, value: string, keyRef: string | null = null): Promise<void> {
    await this.store.put({
      owner,
      kind,
      label,
      keyRef,
      ciphertext: this.cipher.encrypt(value),
      masked: maskSecret(value),
      updatedAt: new Date().toISOString(),
    });
  }

  async remove(owner: string, kind?: string, label?: string): Promise<void> {
    await this.store.remove(owner, kind, label);
  }

  async describe(owner: string, kind?: string): Promise<Array<SecretInfo & { kind: string }>> {
    return (await this.store.list(owner, kind)).map((r) => ({
      kind: r.kind,
      label: r.label,
      masked: r.masked,
      keyRef: r.keyRef,
      updatedAt: r.updatedAt,
    }));
  }

  async values(owner: string, kind: string): Promise<SecretValue[]> {
    return (await this.store.list(owner, kind)).map((r) => ({
      label: r.label,
      value: this.cipher.decrypt(Buffer.from(r.ciphertext)),
      keyRef: r.keyRef,
    }));
  }

  async get(owner: string, kind: string, label: string): Promise<string | null> {
    return (await this.values(owner, kind)).find((v) => v.label === label)?.value ?? null;
  }
}
