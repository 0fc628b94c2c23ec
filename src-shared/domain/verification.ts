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
  /** Plain words a support person can act on, when the result is not `valid`. */
  diagnosis: z.string().optional(),
  /** Things that look wrong even though the signature matched (a sandbox event signed with the production secret). */
  warnings: z.array(z.string()).optional(),
  /** Set when the recipe used is not confirmed by the provider. */
  assumption: z.string().optional(),
  checkedAt: z.string().optional(),
});
export type VerificationResult = z.infer<typeof VerificationResult>;
