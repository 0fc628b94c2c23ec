import { z } from 'zod';

export const VerificationStatus = z.enum(['valid', 'invalid', 'unsigned', 'no-secret', 'unsupported']);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/** How a provider signs: enough for a support person to check it by hand. */
export const SignatureScheme = z.object({
  header: z.string(),
  algorithm: z.string(),
  encoding: z.string(),
  /** What the signature is computed over, in words ("exact raw body bytes", "key-sorted JSON + ':' + secret"). */
  signedContent: z.string(),
});
export type SignatureScheme = z.infer<typeof SignatureScheme>;

/** What became of one configured secret during a check. */
export const SecretAttemptOutcome = z.enum([
  /** This secret produced the signature. */
  'matched',
  /** Tried: it does not produce the signature. */
  'no-match',
  /** Not tried: another secret matched first. */
  'not-tried',
  /** It produces the signature only with the whitespace around it trimmed. */
  'matched-trimmed',
  /** It produces the signature, but the delivery selects another secret (Calypso's Key header). */
  'matched-not-selected',
]);
export type SecretAttemptOutcome = z.infer<typeof SecretAttemptOutcome>;

/**
 * Each stage of a check, for the console's checklist: the header, its shape, every secret. It
 * names labels and shapes, never a value.
 */
export const VerificationChecks = z.object({
  header: z.object({
    name: z.string(),
    /** How many times it came (empty ones included). */
    values: z.number().int().nonnegative(),
    /** Whether a non-empty value came. */
    present: z.boolean(),
    /** Whether a value is shaped like a digest the recipe makes; null when there is no value. */
    shaped: z.boolean().nullable(),
    /** The shapes expected, in words ("hex HMAC-SHA512 (128 characters)"). */
    shape: z.string(),
  }),
  secrets: z.array(z.object({ label: z.string(), outcome: SecretAttemptOutcome })),
});
export type VerificationChecks = z.infer<typeof VerificationChecks>;

/**
 * The outcome of checking one delivery's signature. It never carries the expected signature
 * value: only which candidate form and which secret (by label) matched, and why not otherwise.
 */
export const VerificationResult = z.object({
  status: VerificationStatus,
  scheme: SignatureScheme.optional(),
  /** The candidate form that matched ("raw bytes", "JS-style JSON, top-level keys sorted", …). */
  matched: z.string().optional(),
  /** Label of the configured secret that matched ("production", "sandbox", "rotated 2026-10"). */
  secretLabel: z.string().optional(),
  candidatesTried: z.array(z.string()).default([]),
  /** Each stage of the check; absent on results stored before it was recorded. */
  checks: VerificationChecks.optional(),
  /** Plain words a support person can act on, when the result is not `valid`. */
  diagnosis: z.string().optional(),
  /** Things that look wrong even though the signature matched (a sandbox event signed with the production secret). */
  warnings: z.array(z.string()).optional(),
  /** Set when the recipe used is not confirmed by the provider. */
  assumption: z.string().optional(),
  checkedAt: z.string().optional(),
});
export type VerificationResult = z.infer<typeof VerificationResult>;
