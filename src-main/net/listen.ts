import type { AddressInfo, Server } from 'node:net';

/**
 * Starts listening; rejects with the bind error (port taken, host unknown) instead of throwing later.
 * `backlog` is the kernel's queue of connections not yet accepted (clamped to net.core.somaxconn).
 */
export function listen(server: Server, port: number, host: string, backlog = 511): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, backlog, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
