/** The `gatewatch` command's process: real streams, the environment, Ctrl-C, a y/N question on a terminal. */
import { createInterface } from 'node:readline/promises';
import { runCli } from './run.js';
import type { CliIo } from './io.js';

const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true;
const interrupted = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdin: process.stdin,
  interactive,
  interrupted,
  async confirm(question) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(question)).trim());
    } finally {
      rl.close();
    }
  },
};

// A closed pipe (`gatewatch export … | head`) is the reader being done, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
  // Commands that follow the console (tail, replay) leave sockets open; the answer is given.
  setImmediate(() => process.exit(code));
});
