/**
 * What a CLI command reads and writes, so tests run commands in-process: output streams, the
 * environment, an optional question to the person at the terminal, and the exit codes.
 */
import type { Writable } from 'node:stream';

/** Exit codes a script can branch on. */
export const EXIT = {
  ok: 0,
  /** The command ran, and the answer is no: a signature that does not verify, a replay that failed. */
  negative: 1,
  /** Wrong arguments or flags (the message says which; `--help` lists them). */
  usage: 2,
  /** No console to talk to: GATEWATCH_URL unset or unreachable, or no token. */
  unreachable: 3,
  /** The console refused the token (401) or the call (403). */
  unauthorized: 4,
  /** The delivery, target or job asked for does not exist (404). */
  notFound: 5,
  /** The console refused the request as it stands (400, 409, 413): e.g. a send that needs confirming. */
  refused: 6,
  /** The console failed (5xx) or answered something unexpected. */
  failed: 7,
} as const;

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
  /** True when a person is at the terminal: a yes/no question may be asked. */
  interactive: boolean;
  /** Asks a yes/no question; absent when nobody can answer. */
  confirm?(question: string): Promise<boolean>;
  /** Resolves when the command should stop (Ctrl-C), for the commands that run until then (tail). */
  interrupted?: Promise<void>;
}

/** A failure said in one sentence, with the exit code it means. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Writes text and waits when the reader is slower (a pipe into `head`, a slow terminal). */
export function print(out: Writable, text: string): Promise<void> {
  if (out.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
