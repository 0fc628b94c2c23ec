/** One encrypted secret. `owner` is what it belongs to: `provider:calypso`, `target:tgt_…`. */
export interface SecretRecord {
  owner: string;
  /** apiKey, hmacSecret, webhookSecret, signingSecret… */
  kind: string;
  /** Environment name for API credentials, the user's label for webhook secrets. */
  label: string;
  /** A public selector sent with requests (Calypso's `Key` header), not secret. */
  keyRef: string | null;
  ciphertext: Uint8Array;
  masked: string;
  updatedAt: string;
}

export interface SecretStore {
  list(owner: string, kind?: string): Promise<SecretRecord[]>;
  /** Every stored secret (the vault re-encrypts older formats with it). */
  all(): Promise<SecretRecord[]>;
  put(record: SecretRecord): Promise<void>;
  remove(owner: string, kind?: string, label?: string): Promise<void>;
}
