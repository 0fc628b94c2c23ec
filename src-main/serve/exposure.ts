/**
 * When the console may be reached from beyond this computer: only once people have accounts
 * (the console token alone is one secret for everybody), and only over TLS, here
 * (`--tls-cert`, `--tls-key`) or at a reverse proxy the admin names (`--trust-proxy`), with the
 * address people open given (`--public-url`) so Host and Origin checks know it.
 */
import { isIP } from 'node:net';

export interface ExposureOptions {
  /** The console's bind address (`--console-host`). */
  consoleHost: string;
  tls: boolean;
  trustProxy: readonly string[];
  publicUrl: URL | null;
  /** At least one person may sign in with a name and password. */
  anyoneCanSignIn: boolean;
}

export class ExposureError extends Error {
  override name = 'ExposureError';
}

const loopbackHost = (host: string) => host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Throws an ExposureError saying in words what is missing; returns whether the console is exposed. */
export function checkExposure(options: ExposureOptions): boolean {
  for (const proxy of options.trustProxy) {
    if (isIP(proxy) === 0) throw new ExposureError(`--trust-proxy takes the reverse proxy's IP address (e.g. 127.0.0.1), not "${proxy}".`);
  }
  const bindsBeyond = !loopbackHost(options.consoleHost);
  const publicBeyond = options.publicUrl !== null && !loopbackHost(options.publicUrl.hostname);
  const exposed = bindsBeyond || publicBeyond || options.trustProxy.length > 0;
  if (!exposed) return false;
  if (!options.anyoneCanSignIn) {
    throw new ExposureError(
      'The console is reachable beyond this computer only once people have accounts: add an admin with `npm run serve -- users add <name> --role admin`, then start again.',
    );
  }
  if (bindsBeyond && !options.tls && options.trustProxy.length === 0) {
    throw new ExposureError(
      `Listening on ${options.consoleHost} needs TLS: give --tls-cert and --tls-key, or name the reverse proxy that terminates TLS with --trust-proxy <its address>.`,
    );
  }
  if (options.publicUrl === null) {
    throw new ExposureError('Give --public-url, the address people open (https://…): the console accepts requests for that name only.');
  }
  if (options.publicUrl.protocol !== 'https:') {
    throw new ExposureError(`--public-url must start with https:// (got ${options.publicUrl.origin}): sign-ins and session cookies cross the network.`);
  }
  return true;
}
