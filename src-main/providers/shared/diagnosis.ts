/**
 * Plain-words diagnoses for verification results. They name headers, candidate forms and secret
 * labels — never a signature value or a secret.
 */
import type { DigestVariant } from './digests.js';

export function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const kept = notes.filter((n): n is string => typeof n === 'string' && n.length > 0);
  return kept.length > 0 ? kept.join('. ') : undefined;
}

export function headerMissing(header: string, present: boolean): string {
  return present ? `signature header ${header} is present but empty` : `signature header ${header} missing`;
}

const ordinal = (n: number): string =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** A signature header that came more than once; `matchedIndex` is the value that matched, if any. */
export function headerRepeated(header: string, count: number, nonEmpty: number, matchedIndex?: number): string {
  const base = `the ${header} header was sent ${count} times`;
  const empty = nonEmpty < count ? ` (${count - nonEmpty} empty)` : '';
  if (matchedIndex !== undefined) return `${base}${empty}; the ${ordinal(matchedIndex + 1)} value matches`;
  return nonEmpty === 1 ? `${base}${empty}; the one value given does not match` : `${base}${empty}; none of the ${nonEmpty} values matches`;
}

export function noSecretConfigured(): string {
  return 'no webhook secret is configured for this provider: add one in settings to verify deliveries';
}

export function otherSecretMatches(label: string, selectedLabel?: string, selectedBy?: string): string {
  const base = `signed with a different secret: the '${label}' secret matches`;
  if (selectedLabel && selectedBy) return `${base}, but the ${selectedBy} selects '${selectedLabel}' — check which key belongs to which secret in settings`;
  if (selectedLabel) return `${base}, not '${selectedLabel}'`;
  return base;
}

export function secretNeedsTrim(label: string): string {
  return `the configured secret '${label}' has surrounding whitespace — trim it in settings (the signature matches the trimmed secret)`;
}

export function unkeyedMatch(digest: DigestVariant): string {
  return `the header is a ${digest.algorithm} hash of the body that uses no secret: it shows the body is intact, not who sent it`;
}

/** The digests a recipe makes, in words: "hex HMAC-SHA512 (128 characters) or base64 …". */
export function digestShapes(digests: readonly DigestVariant[]): string {
  return [...new Set(digests.map((d) => `${d.encoding} ${d.algorithm} (${d.length} characters)`))].join(' or ');
}

export function headerShapeMismatch(header: string, received: string, digests: readonly DigestVariant[]): string | undefined {
  const value = received.trim();
  if (digests.some((d) => d.looksLike(value))) return undefined;
  return `the ${header} header is not shaped like ${digestShapes(digests)}: it has ${value.length} characters`;
}

export function bodyNotJson(parseError: string): string {
  return `body is not JSON, so re-serialized forms could not be tried (${parseError})`;
}

export function noSecretMatches(labels: readonly string[], formCount: number): string {
  const over = formCount > 1 ? 'over the exact body or any re-serialized form' : 'over the exact body';
  const which =
    labels.length === 1
      ? `the configured secret '${labels[0]}' does not produce`
      : `none of the configured secrets (${labels.map((l) => `'${l}'`).join(', ')}) produces`;
  return (
    `${which} this signature ${over}: either the body was changed after it was signed ` +
    '(make sure nothing re-encodes the exact bytes before they are stored), or it was signed with a secret that is not configured'
  );
}
