import type { Balance, ProviderEventTime } from '../../../src-shared/domain/normalized.js';

/** How the provider's event time was read, for the hover text: the field and any assumption. */
export function providerTimeSource(time: ProviderEventTime): string {
  return `Read from ${time.field}${time.note ? ` (${time.note})` : ''}`;
}

/** Hover text for a balance row: which wallet, and when the provider last updated it. */
export function balanceTitle(balance: Balance): string {
  return [balance.account ? `Wallet ${balance.account}` : null, balance.updatedAt ? `updated ${balance.updatedAt}` : null].filter(Boolean).join(', ');
}
