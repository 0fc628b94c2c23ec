/** An error's message, whatever was thrown (an adapter may throw a string, or nothing at all). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? 'an unknown error' : String(error);
}
