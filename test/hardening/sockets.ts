/** Raw sockets from a chosen loopback address (Linux routes all of 127/8 to loopback). */
import { connect, type Socket } from 'node:net';
import { statusOf, type RawAnswer } from './raw-http.js';

export interface SocketFlood {
  sockets: Socket[];
  /** Sockets the server closed (or that failed to connect). */
  closed(): number;
  /** Resolves once `count` sockets were closed, or after `timeoutMs`. */
  untilClosed(count: number, timeoutMs: number): Promise<number>;
  destroy(): void;
}

/** Opens `count` sockets that never send a byte. */
export function openIdleSockets(port: number, count: number, localAddress: string): Promise<SocketFlood> {
  let closed = 0;
  const waiters: Array<() => void> = [];
  const sockets = Array.from({ length: count }, () => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    socket.on('error', () => {});
    socket.on('close', () => {
      closed += 1;
      for (const wake of waiters.splice(0)) wake();
    });
    return socket;
  });
  const flood: SocketFlood = {
    sockets,
    closed: () => closed,
    async untilClosed(target, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (closed < target && performance.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return closed;
    },
    destroy() {
      for (const socket of sockets) socket.destroy();
    },
  };
  // Every socket either connected or was refused before the flood counts as open.
  return Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          socket.once('connect', () => resolve());
          socket.once('close', () => resolve());
        }),
    ),
  ).then(() => flood);
}

/**
 * Writes the parts (with pauses) from `localAddress` and reads until the server answers, closes,
 * or `waitMs` passes. `closedAfterMs` says when the server closed the socket, if it did.
 */
export function rawFrom(
  localAddress: string,
  port: number,
  parts: ReadonlyArray<string | Buffer | { pauseMs: number }>,
  waitMs = 3_000,
): Promise<RawAnswer & { closedAfterMs: number | null }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket: Socket = connect({ port, host: '127.0.0.1', localAddress });
    let text = '';
    let done = false;
    let closedAfterMs: number | null = null;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: statusOf(text), text, closedAfterMs });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text.slice(0, head))?.[1];
      if (head !== -1 && length !== undefined && text.length >= head + 4 + Number(length)) finish();
    });
    socket.on('close', () => {
      closedAfterMs = performance.now() - started;
      finish();
    });
    socket.on('error', () => {});
    socket.on('connect', async () => {
      for (const part of parts) {
        if (done || socket.destroyed) return;
        if (typeof part === 'object' && !Buffer.isBuffer(part)) await new Promise((r) => setTimeout(r, part.pauseMs));
        else socket.write(part);
      }
    });
  });
}

export function bodyOf(answer: RawAnswer): { id?: string; error?: string } {
  return JSON.parse(answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4)) as { id?: string; error?: string };
}

export function headerOf(answer: RawAnswer, name: string): string | null {
  const head = answer.text.slice(0, answer.text.indexOf('\r\n\r\n'));
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? null;
}
