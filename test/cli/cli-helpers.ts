import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src-main/cli/run.js';
import type { CliIo } from '../../src-main/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  bytes: Buffer;
}

/** Runs `gatewatch <args>` in-process with this environment; `interrupt` stops a command that runs until Ctrl-C. */
export function cli(
  args: string[],
  env: Record<string, string | undefined>,
  options: { stdin?: Buffer; confirm?: (q: string) => Promise<boolean>; interrupt?: Promise<void> } = {},
) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  let err = '';
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const io: CliIo = {
    stdout,
    stderr,
    env,
    stdin: Readable.from(options.stdin ? [options.stdin] : []),
    interactive: options.confirm !== undefined,
    ...(options.confirm ? { confirm: options.confirm } : {}),
    ...(options.interrupt ? { interrupted: options.interrupt } : {}),
  };
  return runCli(args, io).then((code): CliRun => {
    const bytes = Buffer.concat(out);
    return { code, stdout: bytes.toString('utf8'), stderr: err, bytes };
  });
}
