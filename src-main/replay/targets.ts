/**
 * The allow-list of replay targets. A replay goes only to a saved target; its signing secret is
 * kept in the vault (owner `target:<id>`) and only "set" plus its last four leave this module.
 */
import type { ReplayTargetSaveInput, ReplayTargetView } from '../../src-shared/contract/replay.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { ReplayStore, ReplayTargetRecord } from '../store/replay-types.js';
import type { SecretVault } from '../secrets/vault.js';
import type { AuditLog } from '../services/audit.js';
import { newId } from '../store/ids.js';
import { productionLikeReason } from './production-hosts.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
const SECRET_KIND = 'signingSecret';
const SECRET_LABEL = 'default';
const secretOwner = (targetId: string) => `target:${targetId}`;

export class ReplayTargets {
  constructor(
    private readonly store: ReplayStore,
    private readonly vault: SecretVault,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<ReplayTargetView[]> {
    return Promise.all((await this.store.listTargets()).map((t) => this.view(t)));
  }

  /** The saved target, or a refusal that says replays go only to saved targets. */
  async require(id: string): Promise<ReplayTargetRecord> {
    const target = await this.store.getTarget(id);
    if (!target) {
      throw new ApiError('not_found', `There is no saved replay target with id ${id}: replays go only to targets saved under Settings → Replay targets.`);
    }
    return target;
  }

  /** The target's secret, and the public key sent with it (Calypso's `Key`), for re-signing. */
  async signingSecret(id: string): Promise<{ value: string; key: string | null } | null> {
    const [secret] = await this.vault.values(secretOwner(id), SECRET_KIND);
    return secret ? { value: secret.value, key: secret.keyRef } : null;
  }

  /**
   * `fromDesktop`: the desktop window asked. Only it may make a target receive credential headers
   * (turn forwarding on, or move a target that forwards to another address): over serve mode's
   * HTTP API, a target of one's own would hand the provider's Authorization to anyone with the
   * token, which the desktop-only reveal is there to prevent.
   */
  async save(input: ReplayTargetSaveInput, caller: { fromDesktop: boolean }): Promise<ReplayTargetView> {
    const now = new Date().toISOString();
    const existing = input.id === undefined ? null : await this.require(input.id);
    const clash = (await this.store.listTargets()).find((t) => t.name.toLowerCase() === input.name.toLowerCase() && t.id !== existing?.id);
    if (clash) throw new ApiError('conflict', `A replay target named "${clash.name}" already exists.`);
    const target: ReplayTargetRecord = {
      id: existing?.id ?? newId('rpt'),
      name: input.name,
      url: input.url,
      provider: input.provider === undefined ? (existing?.provider ?? null) : input.provider,
      timeoutMs: input.timeoutMs ?? existing?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      forwardCredentialHeaders: input.forwardCredentialHeaders ?? existing?.forwardCredentialHeaders ?? false,
      // A new address has not been confirmed: confirming is about where requests go.
      confirmedAt: existing && existing.url === input.url ? existing.confirmedAt : null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (!caller.fromDesktop) refuseNewCredentialForwarding(existing, target);
    await this.store.putTarget(target);
    await this.saveSigningSecret(target.id, input);
    const changed = existing
      ? (['name', 'url', 'provider', 'timeoutMs', 'forwardCredentialHeaders'] as const).filter((k) => existing[k] !== target[k])
      : ['created'];
    if (input.signingSecret !== undefined) changed.push(input.signingSecret === null ? 'signing secret removed' : 'signing secret set');
    if (input.signingKey !== undefined) changed.push(input.signingKey === null ? 'signing key removed' : 'signing key set');
    await this.audit.record('replay.targets.save', target.id, `${existing ? 'Changed' : 'Added'} replay target "${target.name}" (${target.url})`, {
      name: target.name,
      url: target.url,
      changed,
    });
    return this.view(target);
  }

  /** A new secret or key replaces what is stored; the other part is kept. */
  private async saveSigningSecret(targetId: string, input: ReplayTargetSaveInput): Promise<void> {
    if (input.signingSecret === null) {
      await this.vault.remove(secretOwner(targetId));
      return;
    }
    if (input.signingSecret === undefined && input.signingKey === undefined) return;
    const current = await this.signingSecret(targetId);
    const value = input.signingSecret ?? current?.value;
    if (value === undefined) {
      if (input.signingKey) throw new ApiError('bad_request', 'A signing key goes with a signing secret: set the secret too.');
      return;
    }
    const key = input.signingKey === undefined ? (current?.key ?? null) : input.signingKey;
    await this.vault.set(secretOwner(targetId), SECRET_KIND, SECRET_LABEL, value, key);
  }

  async remove(id: string): Promise<boolean> {
    const target = await this.store.getTarget(id);
    if (!target) return false;
    await this.store.removeTarget(id);
    await this.vault.remove(secretOwner(id));
    await this.audit.record('replay.targets.remove', id, `Removed replay target "${target.name}" (${target.url})`, { name: target.name, url: target.url });
    return true;
  }

  /**
   * Refuses a send that has not been confirmed when confirmation is needed; records the first
   * confirmation so later sends to an ordinary target go without asking.
   */
  async checkConfirmation(target: ReplayTargetRecord, confirm: boolean): Promise<void> {
    const reason = needsConfirmation(target);
    if (reason && !confirm) {
      throw new ApiError('conflict', `Confirm sending to "${target.name}" (${target.url}): ${reason}. Send again with confirm: true.`);
    }
    if (target.confirmedAt === null && confirm) {
      const confirmedAt = new Date().toISOString();
      await this.store.putTarget({ ...target, confirmedAt });
      target.confirmedAt = confirmedAt;
    }
  }

  private async view(target: ReplayTargetRecord): Promise<ReplayTargetView> {
    const [secret] = await this.vault.describe(secretOwner(target.id), SECRET_KIND);
    return {
      ...target,
      hasSigningSecret: secret !== undefined,
      signingSecretMasked: secret?.masked ?? null,
      signingKey: secret?.keyRef ?? null,
      productionLike: productionLikeReason(target.url),
      needsConfirmation: needsConfirmation(target) !== null,
    };
  }
}

/** Outside the desktop app: forwarding may stay as it is or be turned off, never pointed somewhere new. */
function refuseNewCredentialForwarding(existing: ReplayTargetRecord | null, target: ReplayTargetRecord): void {
  if (!target.forwardCredentialHeaders) return;
  if (existing?.forwardCredentialHeaders && existing.url === target.url) return;
  throw new ApiError(
    'forbidden',
    existing?.forwardCredentialHeaders
      ? `"${existing.name}" forwards credential headers (Authorization, Cookie, API keys): its address can be changed only in the desktop app, or turn forwarding off first.`
      : 'Forwarding credential headers (Authorization, Cookie, API keys) to a replay target can be turned on only in the desktop app.',
  );
}

function needsConfirmation(target: ReplayTargetRecord): string | null {
  const production = productionLikeReason(target.url);
  if (production) return `${production}, so every send needs confirming`;
  if (target.confirmedAt === null) return 'nothing has been sent to this target yet, so the first send needs confirming';
  return null;
}
