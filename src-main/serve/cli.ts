import { homedir } from 'node:os';
import { join } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startServeMode } from './serve-mode.js';
import { providerIds } from '../../src-shared/domain/provider.js';
import { createGatewatchDeps } from '../app/default-deps.js';
import { ConsoleTokenError, describeTokenSource, resolveConsoleToken, tokenWarning } from './console-token.js';
import { logFileIn, RotatingFileLog } from '../log/rotating-file-log.js';
import { parseForwardFlag, type ForwardSpec } from '../relay/forward-flag.js';
import { runUsersCommand } from './users-cli.js';
import { collapseRepeats } from './repeat-filter.js';
import { promptHidden } from './password-prompt.js';
import { ExposureError } from './exposure.js';
import { ExposureFlagError, readExposureFlags } from './exposure-flags.js';
import { checkSharedKey, databaseUrlFrom, openTeamStore, serveCipher, TeamSetupError } from './team-store.js';
import { databaseUrlHasPassword, describeDatabaseUrl } from '../store/postgres/pool.js';
import type { Store } from '../store/types.js';

const port = z.coerce.number().int().min(0).max(65535);
const ServeFlags = z.object({
  data: z.string().min(1),
  'webhook-host': z.string().min(1),
  /** Omitted: the port set in Settings, else 8787. */
  'webhook-port': port.optional(),
  'console-port': port,
  'body-limit': z.coerce.number().int().positive(),
});

/** The data dir's gatewatch.log, once the data dir is known; every log line also goes to stderr. */
let logFile: RotatingFileLog | null = null;

const log = collapseRepeats((message: string) => {
  console.error(`gatewatch: ${message}`);
  logFile?.write(message);
});

function defaultRendererDir(): string | null {
  const candidates = [process.env.GATEWATCH_RENDERER_DIR, fileURLToPath(new URL('../renderer', import.meta.url)), join(process.cwd(), 'out/renderer')];
  return candidates.find((dir) => dir && existsSync(join(dir, 'index.html'))) ?? null;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'users') {
    const stdin = process.stdin;
    const code = await runUsersCommand(process.argv.slice(3), {
      env: process.env,
      stdin,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      prompt: stdin.isTTY ? (question) => promptHidden(question, stdin, process.stderr) : undefined,
    });
    process.exit(code);
  }
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      'webhook-host': { type: 'string' },
      'webhook-port': { type: 'string' },
      'console-port': { type: 'string' },
      'console-host': { type: 'string' },
      'public-url': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'trust-proxy': { type: 'string', multiple: true },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      'body-limit': { type: 'string' },
      // A shared PostgreSQL store (team server) instead of SQLite in --data.
      database: { type: 'string' },
      // The secrets key shared by every instance on that database.
      'key-file': { type: 'string' },
      // Repeatable: paychant=http://localhost:3000/hooks sets up a passthrough relay route.
      forward: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const env = process.env;
  let exposure: ReturnType<typeof readExposureFlags>;
  try {
    exposure = readExposureFlags(values, env);
  } catch (error) {
    if (!(error instanceof ExposureFlagError)) throw error;
    console.error(`gatewatch: ${error.message}`);
    process.exit(2);
  }
  const flags = ServeFlags.safeParse({
    data: values.data ?? env.GATEWATCH_DATA ?? join(homedir(), '.gatewatch'),
    'webhook-host': values['webhook-host'] ?? env.GATEWATCH_WEBHOOK_HOST ?? '127.0.0.1',
    'webhook-port': values['webhook-port'] ?? (env.GATEWATCH_WEBHOOK_PORT || undefined),
    'console-port': values['console-port'] ?? env.GATEWATCH_CONSOLE_PORT ?? 8788,
    'body-limit': values['body-limit'] ?? env.GATEWATCH_BODY_LIMIT ?? 1024 * 1024,
  });
  if (!flags.success) {
    for (const issue of flags.error.issues) console.error(`gatewatch: --${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  const f = flags.data;
  // The SQLite store made the data dir; with --database nothing else would, and the log, the
  // token file, the key and the free-space check live there.
  mkdirSync(f.data, { recursive: true, mode: 0o700 });
  logFile = new RotatingFileLog({
    file: logFileIn(f.data),
    onError: (error) => console.error(`gatewatch: cannot write the log file ${logFileIn(f.data)} (${error.message}); logging to stderr only`),
  });
  let forward: ForwardSpec[];
  try {
    forward = (values.forward ?? []).map(parseForwardFlag);
  } catch (error) {
    console.error(`gatewatch: ${(error as Error).message}`);
    process.exit(2);
  }
  // A terminal is someone watching; anything else (a pipe, a service log) may be kept and read later.
  const interactive = process.stdout.isTTY === true;
  let consoleToken: ReturnType<typeof resolveConsoleToken>;
  try {
    consoleToken = resolveConsoleToken({ flag: values.token, file: values['token-file'], env, dataDir: f.data, interactive });
  } catch (error) {
    if (!(error instanceof ConsoleTokenError)) throw error;
    console.error(`gatewatch: ${error.message}`);
    process.exit(2);
  }
  const warning = tokenWarning(consoleToken.source);
  if (warning) console.error(`gatewatch: ${warning}`);
  const rendererDir = defaultRendererDir();
  let databaseUrl: string | null;
  try {
    databaseUrl = databaseUrlFrom(values.database, env);
  } catch (error) {
    console.error(`gatewatch: ${(error as Error).message}`);
    process.exit(2);
  }
  if (values.database && databaseUrlHasPassword(values.database)) {
    console.error('gatewatch: the --database URL carries a password, which shows in `ps`: prefer GATEWATCH_DATABASE_URL or PGPASSWORD');
  }
  const cipher = serveCipher({ dataDir: f.data, keyFile: values['key-file'] ?? (env.GATEWATCH_KEY_FILE || null), env, log });
  // The data dir still holds the log, the token file and (without --key-file) the secrets key.
  let store: Store | undefined;
  if (databaseUrl !== null) {
    store = await openTeamStore(databaseUrl, { log, env });
    try {
      await checkSharedKey(store.settings, cipher);
    } catch (error) {
      await store.close().catch(() => {});
      throw error;
    }
  }
  const running = await startServeMode(
    {
      dataDir: f.data,
      webhookHost: f['webhook-host'],
      webhookPort: f['webhook-port'],
      webhookPortFixedBy: values['webhook-port'] !== undefined ? '--webhook-port' : 'GATEWATCH_WEBHOOK_PORT',
      consolePort: f['console-port'],
      ...exposure,
      token: consoleToken.token,
      bodyLimitBytes: f['body-limit'],
      forward,
      rendererDir,
    },
    {
      ...createGatewatchDeps({
        dataDir: f.data,
        log,
        builtDir: new URL('./', import.meta.url),
      }),
      store,
      cipher,
    },
  );
  console.log(`Gatewatch is running (data: ${f.data})`);
  if (databaseUrl !== null) console.log(`  Database:     ${describeDatabaseUrl(databaseUrl)} (PostgreSQL, shared by the team's instances)`);
  if (running.listenerProblem) console.log(`  Webhooks:     not listening. ${running.listenerProblem}`);
  else console.log(`  Webhook URL:  ${running.webhookBaseUrl}/webhooks/<provider>   (${providerIds.join(', ')})`);
  if (interactive) console.log(`  Console:      ${running.consoleUrl}`);
  else {
    console.log(`  Console:      ${running.consoleOrigin}/`);
    console.log(`  Token:        ${describeTokenSource(consoleToken.source)}`);
  }
  for (const route of forward) console.log(`  Relay:        /webhooks/${route.provider}${route.label ? `/${route.label}` : ''} → ${route.url} (passthrough)`);
  if (await running.gatewatch.context.accounts.people.anyoneCanSignIn()) {
    console.log('  Sign-in:      people sign in with their name and password (`users list` shows who); the token stays the owner’s');
  }
  if (!rendererDir) console.log('  (the console page is not built yet: run `npm run build`; the API works meanwhile)');
  logFile.write(`serve mode started: webhooks on ${running.webhookBaseUrl}, console on ${running.consoleOrigin}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`gatewatch: ${signal}, shutting down`);
    running.stop().then(
      () => {
        logFile?.write(`serve mode stopped (${signal})`);
        process.exit(0);
      },
      (error) => {
        log(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: NodeJS.ErrnoException & { port?: number }) => {
  if (error instanceof TeamSetupError) {
    log(error.message);
    process.exit(1);
  }
  if (error instanceof ExposureError) {
    log(error.message);
    process.exit(2);
  }
  if (error.code === 'EADDRINUSE') {
    log(`port ${error.port ?? ''} is already in use (another Gatewatch, or another program). Choose others with --webhook-port and --console-port.`);
  } else {
    log(error.message);
  }
  process.exit(1);
});
