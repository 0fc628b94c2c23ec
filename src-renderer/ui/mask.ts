import type { Party } from '../../src-shared/domain/normalized.js';

type PartyKind = Party['kind'];

const EMAIL = /^([^@\s]+)@([^@\s]+)$/;
/** Hex (0x…) or base58/bech32 addresses: long runs of id characters. */
const WALLET = /^(0x[0-9a-fA-F]{16,}|[13][1-9A-HJ-NP-Za-km-z]{25,}|bc1[0-9a-z]{20,}|T[1-9A-HJ-NP-Za-km-z]{30,})$/;

const keepEnds = (value: string, head: number, tail: number) =>
  value.length <= head + tail + 1 ? `${value.slice(0, 1)}…` : `${value.slice(0, head)}…${value.slice(-tail)}`;

/**
 * A party (wallet, email, user id, name) as lists show it: enough to recognise, not enough to
 * copy. The full value is shown on the delivery page, on request.
 */
export function maskParty(kind: PartyKind | 'auto', value: string): string {
  const email = EMAIL.exec(value);
  if (kind === 'email' || (kind === 'auto' && email)) {
    if (!email) return keepEnds(value, 1, 0);
    return `${email[1]!.slice(0, 1)}***@${email[2]}`;
  }
  if (kind === 'wallet' || (kind === 'auto' && WALLET.test(value))) return keepEnds(value, 6, 4);
  if (kind === 'card') return value; // providers already mask card numbers
  if (kind === 'auto') return value;
  if (kind === 'name')
    return value
      .split(/\s+/)
      .map((part) => `${part.slice(0, 1)}.`)
      .join(' ');
  return keepEnds(value, 3, 2);
}

/** A list cell that may hold a party: emails and wallet addresses masked, other ids as they are. */
export const maskIfParty = (value: string) => maskParty('auto', value);
