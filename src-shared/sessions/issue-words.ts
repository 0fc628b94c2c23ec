import type { z } from 'zod';

const list = (values: readonly unknown[]) => {
  const words = values.map(String);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
};

/**
 * A form field's problem as a person reads it. zod's own messages ("Invalid option: expected one
 * of "USD"|"EUR"", "Too small: expected string to have >=1 characters") become words; messages a
 * schema wrote itself ("Two letters, e.g. en") are kept as written. `given` is what the field held.
 */
export function issueInWords(issue: z.core.$ZodIssue, given: unknown): string {
  if (given === undefined || given === '') return 'Required: fill this in.';
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1 ? `Must be ${String(issue.values[0])}.` : `Choose one of ${list(issue.values)}.`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter an email address, such as name@example.com.';
      if (issue.format === 'url') return 'Enter a full web address, starting with https://.';
      return issue.message.startsWith('Invalid') ? 'Not in the expected form.' : issue.message;
    case 'invalid_type':
      return issue.expected === 'number'
        ? 'Enter a number, such as 10 or 12.50.'
        : issue.message.startsWith('Invalid input')
          ? `Enter ${issue.expected === 'string' ? 'text' : `a ${issue.expected}`}.`
          : issue.message;
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      return issue.origin === 'string' ? `At least ${issue.minimum} characters.` : `At least ${issue.minimum}.`;
    case 'too_big':
      if (!issue.message.startsWith('Too big')) return issue.message;
      return issue.origin === 'string' ? `At most ${issue.maximum} characters.` : `At most ${issue.maximum}.`;
    default:
      return issue.message;
  }
}
