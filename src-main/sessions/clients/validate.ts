import type { z } from 'zod';
import type { ApiIssue } from '../../../src-shared/contract/errors.js';
import type { Validation } from '../types.js';
import { issueInWords } from '../../../src-shared/sessions/issue-words.js';

/** Field-level issues (paths relative to the payload) or the parsed value. */
export function validateWith(schema: z.ZodType, payload: unknown, extra?: (value: Record<string, unknown>) => ApiIssue[]): Validation {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const given = (payload ?? {}) as Record<string, unknown>;
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        // In words, for the form: "Required: fill this in.", "Choose one of USD, EUR or GBP."
        message: issueInWords(i, i.path.length === 1 ? given[String(i.path[0])] : true),
      })),
    };
  }
  const value = inInputOrder(parsed.data as Record<string, unknown>, payload);
  const issues = extra?.(value) ?? [];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/**
 * The parsed fields in the order the caller gave them (the schema's order for the rest): the body
 * is built in this order, so a payload copied from a provider's sample is sent as that sample's
 * `JSON.stringify` would print it.
 */
function inInputOrder(value: Record<string, unknown>, input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) if (Object.hasOwn(value, key)) out[key] = value[key];
  for (const [key, v] of Object.entries(value)) if (!Object.hasOwn(out, key)) out[key] = v;
  return out;
}
