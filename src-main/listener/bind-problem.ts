/**
 * Why the listener could not take a port, in words a person can act on (the console shows
 * them; the raw "listen EADDRINUSE" is for the log). Null for an error that is not about the
 * port or the address.
 */
export function bindProblem(error: unknown, port: number): string | null {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use (another Gatewatch, or another program).`;
    case 'EACCES':
      return `Port ${port} may only be used with administrator rights on this machine (ports below 1024 usually are): choose one from 1024 up.`;
    case 'EADDRNOTAVAIL':
      return `The listener's address is not one of this machine's, so it cannot listen on port ${port} there.`;
    default:
      return null;
  }
}
