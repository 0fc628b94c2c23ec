/** Raw HTTP over a socket: for requests fetch refuses to send (bad framing, slow senders, odd paths). */
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  /** null when the server closed the connection without answering. */
  status: number | null;
  text: string;
}

export function statusOf(text: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Writes the parts (with optional pauses between them) and reads until the server closes or `waitMs` passes. */
export function rawRequest(port: number, parts: ReadonlyArray<string | Buffer | { pauseMs: number }>, waitMs = 3_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let text = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: statusOf(text), text });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      // One answer is enough once its declared body has arrived.
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text.slice(0, head))?.[1];
      if (head !== -1 && length !== undefined && text.length >= head + 4 + Number(length)) finish();
    });
    socket.on('close', finish);
    socket.on('error', finish);
    socket.on('connect', async () => {
      for (const part of parts) {
        if (done || socket.destroyed) return;
        if (typeof part === 'object' && !Buffer.isBuffer(part)) await new Promise((r) => setTimeout(r, part.pauseMs));
        else socket.write(part);
      }
    });
  });
}

export function post(path: string, body: string | Buffer, headers: Record<string, string> = {}): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const lines = Object.entries({ Host: 'localhost', 'Content-Type': 'application/json', 'Content-Length': String(bytes.byteLength), ...headers })
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}: ${value}`);
  return Buffer.concat([Buffer.from(`POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`), bytes]);
}
