/**
 * Drives load-generator.mjs (a process of its own) and the servers it is measured against.
 * Requests are built and signed here once, before any timing, and written to a file.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewDelivery } from '../../src-main/store/types.js';
import { root } from '../serve-process.js';

export interface LoadRun {
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The generator's own CPU from its first send to its last answer. */
  cpuMs: number;
}

/** Whole HTTP/1.1 requests, each length-prefixed, as the generator reads them. */
export function writeRequestsFile(file: string, deliveries: ReadonlyArray<Pick<NewDelivery, 'path' | 'headers' | 'body'>>): void {
  const parts: Buffer[] = [];
  for (const d of deliveries) {
    const body = Buffer.from(d.body ?? new Uint8Array());
    // The host and length are the generator's to state; the provider's own headers go as captured.
    const headers = d.headers.filter(([name]) => !/^(host|content-length)$/i.test(name));
    const head = [`POST ${d.path} HTTP/1.1`, 'Host: 127.0.0.1', ...headers.map(([n, v]) => `${n}: ${v}`), `Content-Length: ${body.byteLength}`, '', ''].join(
      '\r\n',
    );
    const request = Buffer.concat([Buffer.from(head, 'latin1'), body]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(request.byteLength);
    parts.push(length, request);
  }
  writeFileSync(file, Buffer.concat(parts));
}

export interface GeneratorLoad {
  port: number;
  file: string;
  /** Index of the first request of the file to send, and how many distinct ones. */
  first: number;
  count: number;
  connections: number;
  /** A fixed rate (requests/s) for `seconds`, cycling over the `count` requests; all-out when absent. */
  rate?: { perSecond: number; seconds: number };
}

export function runGenerator(load: GeneratorLoad): Promise<LoadRun> {
  const args = [
    join(root, 'bench', 'ingest', 'load-generator.mjs'),
    String(load.port),
    load.file,
    String(load.first),
    String(load.count),
    String(load.connections),
  ];
  if (load.rate) args.push(String(load.rate.perSecond), String(load.rate.seconds));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the load generator exited with ${code}`));
      resolve(JSON.parse(output.trim()) as LoadRun);
    });
  });
}

/** Starts one of the bench's plain servers (bare-server.mjs, sink-server.mjs), which print `port <n>`. */
export async function startScriptServer(script: string): Promise<{ port: number; pid: number; stop(): void }> {
  const child = spawn(process.execPath, [join(root, 'bench', 'ingest', script)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { port, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}
