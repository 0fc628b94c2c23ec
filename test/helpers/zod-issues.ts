import type { z } from 'zod';

/**
 * describeIssues as zod alone words it (the code before the quick "surely valid" path): the
 * reference the quick path's tests compare describeIssues with.
 */
export function zodIssues(schema: z.ZodType, value: unknown, prefix = ''): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.slice(0, 40).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return `${path || '(body)'}: ${issue.message}`;
  });
}
