/** The request sendToTarget makes, byte for byte: names in their stored case and order, repeats as repeated lines, the URL's path, query and credentials. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendToTarget } from '../../src-main/replay/http-send.js';

interface Received {
  method: string;
  url: string;
  rawHeaders: Array<[string, string]>;
  body: Buffer;
}

describe('sendToTarget', () => {
  const received: Received[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = request.rawHeaders;
        const rawHeaders: Array<[string, string]> = [];
        for (let i = 0; i < raw.length; i += 2) rawHeaders.push([raw[i]!, raw[i + 1]!]);
        received.push({ method: request.method!, url: request.url!, rawHeaders, body: Buffer.concat(chunks) });
        response.writeHead(201, { 'content-type': 'text/plain' });
        response.end('made');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (url: string, headers: Array<[string, string]>, body = 'bytes') =>
    sendToTarget({ url, headers, body: Buffer.from(body), timeoutMs: 5_000, responseCapBytes: 1024 });

  it('sends the names as stored, a repeated name (in any case) as repeated lines under its first spelling, then Content-Length', async () => {
    const headers: Array<[string, string]> = [
      ['X-Repeated', 'one'],
      ['content-type', 'application/json'],
      ['x-REPEATED', 'two'],
      ['__proto__', 'kept as a header'],
      ['X-Repeated', 'three'],
      ['X-Last', 'last'],
    ];
    const answer = await send(`${base}/hooks/in?a=1&b=%20`, headers, '{"exact": 1.0}');
    expect(answer).toMatchObject({ status: 201, statusText: 'Created', body: Buffer.from('made'), bodyTruncated: false });
    const got = received.at(-1)!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/hooks/in?a=1&b=%20');
    expect(got.body.toString()).toBe('{"exact": 1.0}');
    expect(got.rawHeaders.filter(([n]) => !['Host', 'Connection'].includes(n))).toEqual([
      ['X-Repeated', 'one'],
      ['X-Repeated', 'two'],
      ['X-Repeated', 'three'],
      ['content-type', 'application/json'],
      ['__proto__', 'kept as a header'],
      ['X-Last', 'last'],
      ['Content-Length', '14'],
    ]);
  });

  it('sends to the same URL again, and to another, each with its own path; credentials in a URL go as Basic authorization', async () => {
    await send(`${base}/first`, [['X-N', '1']]);
    await send(`${base}/first`, [['X-N', '2']]);
    await send(`http://user:p%40ss@127.0.0.1:${(server.address() as AddressInfo).port}/second`, [['X-N', '3']]);
    // The URL without credentials, after the one with them: nothing carried over from it.
    await send(`${base}/first`, [['X-N', '4']]);
    expect(received.at(-1)!.rawHeaders.find(([n]) => n.toLowerCase() === 'authorization')).toBeUndefined();
    const [a, b, c] = received.slice(-4, -1);
    expect([a!.url, b!.url, c!.url]).toEqual(['/first', '/first', '/second']);
    expect([a, b, c].map((r) => r!.rawHeaders.find(([n]) => n === 'X-N')![1])).toEqual(['1', '2', '3']);
    expect(c!.rawHeaders.find(([n]) => n.toLowerCase() === 'authorization')?.[1]).toBe(`Basic ${Buffer.from('user:p@ss').toString('base64')}`);
    expect(a!.rawHeaders.find(([n]) => n.toLowerCase() === 'authorization')).toBeUndefined();
  });

  it('refuses an invalid URL as before, and says where a refused connection was', async () => {
    expect(() => send('not a url', [])).toThrow(/Invalid URL/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(send(`http://127.0.0.1:${port}/x`, [])).rejects.toThrow(`connection refused by 127.0.0.1:${port}`);
  });
});
