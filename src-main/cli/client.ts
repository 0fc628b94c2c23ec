/**
 * The CLI's way to a running serve mode: `GATEWATCH_URL` (the console's base URL, as printed)
 * and a token from `GATEWATCH_TOKEN`, or a 0600 token file (`--token-file`, `GATEWATCH_TOKEN_FILE`).
 * Every API error becomes a CliError with the exit code that means it.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { ApiErrorBody } from '../../src-shared/contract/errors.js';
import type { CallInput, CallName, CallOutput } from '../../src-shared/contract/index.js';
import { PushEvent } from '../../src-shared/contract/events.js';
import { CliError, EXIT } from './io.js';

export interface ConnectionOptions {
  env: Record<string, string | undefined>;
  tokenFile?: string;
}

function readTokenFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new CliError(EXIT.unreachable, `cannot read the token file ${path}: ${(error as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new CliError(EXIT.usage, `the token file ${path} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}): run chmod 600 ${path}`);
    }
    return readFileSync(fd, 'utf8').trim();
  } finally {
    closeSync(fd);
  }
}

const CODE_EXITS: Record<string, number> = {
  unauthorized: EXIT.unauthorized,
  forbidden: EXIT.unauthorized,
  not_found: EXIT.notFound,
  bad_request: EXIT.refused,
  conflict: EXIT.refused,
  too_large: EXIT.refused,
};

export class ConsoleClient {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static connect(options: ConnectionOptions): ConsoleClient {
    const raw = options.env.GATEWATCH_URL;
    if (!raw) throw new CliError(EXIT.unreachable, 'GATEWATCH_URL is not set: set it to the console URL serve mode printed (e.g. http://127.0.0.1:8788)');
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new CliError(EXIT.usage, `GATEWATCH_URL "${raw}" is not a URL`);
    }
    // A pasted console URL may carry ?token=…: the token is taken from it only when nothing else gives one.
    const fromUrl = url.searchParams.get('token');
    const file = options.tokenFile ?? options.env.GATEWATCH_TOKEN_FILE;
    const token = options.env.GATEWATCH_TOKEN || (file ? readTokenFile(file) : null) || fromUrl;
    if (!token) throw new CliError(EXIT.unreachable, 'no console token: set GATEWATCH_TOKEN, or GATEWATCH_TOKEN_FILE / --token-file to the token file');
    return new ConsoleClient(`${url.origin}${url.pathname.replace(/\/+$/, '')}`, token);
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${this.token}`, ...init.headers } });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(
        EXIT.unreachable,
        `cannot reach the console at ${this.baseUrl} (${cause?.code ?? cause?.message ?? (error as Error).message}): is serve mode running?`,
      );
    }
    if (response.ok) return response;
    const parsed = ApiErrorBody.safeParse(((await response.json().catch(() => ({}))) as { error?: unknown }).error);
    if (!parsed.success) throw new CliError(EXIT.failed, `the console answered HTTP ${response.status}`);
    const issues = parsed.data.issues?.map((i) => `${i.path || 'input'}: ${i.message}`).join('; ');
    throw new CliError(CODE_EXITS[parsed.data.code] ?? EXIT.failed, `${parsed.data.message}${issues ? ` (${issues})` : ''}`);
  }

  async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const response = await this.request(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return (await response.json()) as CallOutput<K>;
  }

  /** A GET whose body is read as a stream (exports). */
  async stream(path: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const response = await this.request(path, { signal });
    if (!response.body) throw new CliError(EXIT.failed, 'the console answered without a body');
    return response.body;
  }

  /** Connects to the console's pushes; the generator yields them until `signal` aborts. */
  async events(signal: AbortSignal): Promise<AsyncGenerator<PushEvent>> {
    return readEvents(await this.stream('/api/events', signal), signal);
  }
}

async function* readEvents(body: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncGenerator<PushEvent> {
  // Decoded by hand: Node's TextDecoderStream and the fetch body's stream types do not line up.
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) throw new CliError(EXIT.unreachable, 'the console closed the event stream (serve mode stopped?)');
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        const event = data ? PushEvent.safeParse(JSON.parse(data)) : null;
        if (event?.success) yield event.data;
      }
    }
  } catch (error) {
    if (signal.aborted) return;
    throw error;
  } finally {
    reader.releaseLock();
  }
}
