import { PushEvent } from '../../src-shared/contract/events.js';
import { ApiErrorBody } from '../../src-shared/contract/errors.js';
import { AUTH_PATHS } from '../../src-shared/contract/console-auth.js';
import { ConsoleError, type ConsoleTransport } from './types.js';
import { createConnectionMonitor, NOT_ANSWERING } from './connection.js';

async function errorFrom(response: Response): Promise<ConsoleError> {
  const parsed = ApiErrorBody.safeParse(((await response.json().catch(() => ({}))) as { error?: unknown }).error);
  return new ConsoleError(parsed.success ? parsed.data : { code: 'internal', message: `The console answered HTTP ${response.status}.` });
}

/** Reads Server-Sent Events from a fetch stream (EventSource cannot send a bearer token). */
async function readEvents(response: Response, onEvent: (event: PushEvent) => void, signal: AbortSignal): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  while (!signal.aborted) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (!data) continue;
      const event = PushEvent.safeParse(JSON.parse(data));
      if (event.success) onEvent(event.data);
    }
  }
}

export interface HttpTransportHooks {
  /** The console refused the credentials (its session ended, or it restarted): ask for the token again. */
  onUnauthorized?(): void;
}

/**
 * Serve mode's API over fetch. Without a token the browser's session cookie carries the calls
 * (fetch sends it to the page's own origin); a token, when given, goes as a bearer header.
 */
export function createHttpTransport(token: string | null, base = '', hooks: HttpTransportHooks = {}): ConsoleTransport {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const { monitor, reporter } = createConnectionMonitor(async () => (await fetch(`${base}${AUTH_PATHS.session}`, { credentials: 'same-origin' })).ok);
  /** fetch, with "no answer at all" reported and said in words. */
  const request = async (url: string, init: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(url, { ...init, credentials: 'same-origin' });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      reporter.lost();
      throw new ConsoleError({ code: 'unavailable', message: NOT_ANSWERING });
    }
    reporter.reached();
    if (response.status === 401) hooks.onUnauthorized?.();
    return response;
  };
  const listeners = new Set<(event: PushEvent) => void>();
  let stopStream: (() => void) | null = null;
  const transport: ConsoleTransport = {
    kind: 'http',
    connection: monitor,
    async call(name, input) {
      const response = await request(`${base}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      if (!response.ok) throw await errorFrom(response);
      return (await response.json()) as never;
    },
    subscribe(listener) {
      // One event stream for every subscriber: a browser holds at most six connections to a host,
      // across its tabs, and a stream each would leave none for the calls.
      listeners.add(listener);
      stopStream ??= openStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stopStream?.();
          stopStream = null;
        }
      };
    },
  };
  return transport;

  function openStream(): () => void {
    const listener = (event: PushEvent) => {
      for (const each of [...listeners]) {
        try {
          each(event);
        } catch {
          // One broken subscriber must not stop the stream for the others.
        }
      }
    };
    const controller = new AbortController();
    const connect = async (attempt: number): Promise<void> => {
      try {
        const response = await request(`${base}/api/events`, { headers, signal: controller.signal });
        if (response.ok && response.body) {
          listener({ type: 'listener.changed' }); // (re)connected: refresh what may have been missed
          await readEvents(response, listener, controller.signal);
          attempt = 0;
        }
      } catch {
        // dropped: reconnect below
      }
      if (controller.signal.aborted) return;
      const delay = Math.min(500 * 2 ** attempt, 10_000);
      // Unreachable (the request said so): say when the stream tries again.
      if (monitor.state() === 'down') reporter.lost(Date.now() + delay);
      setTimeout(() => void connect(attempt + 1), delay);
    };
    void connect(0);
    return () => controller.abort();
  }
}
