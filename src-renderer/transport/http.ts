import { PushEvent } from '../../src-shared/contract/events.js';
import { ApiErrorBody } from '../../src-shared/contract/errors.js';
import { ConsoleError, type ConsoleTransport } from './types.js';

async function errorFrom(response: Response): Promise<ConsoleError> {
  const parsed = ApiErrorBody.safeParse(((await response.json().catch(() => ({}))) as { error?: unknown }).error);
  return new ConsoleError(
    parsed.success ? parsed.data : { code: 'internal', message: `The console answered HTTP ${response.status}.` },
  );
}

/** Reads Server-Sent Events from a fetch stream (EventSource cannot send the bearer token). */
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

export function createHttpTransport(token: string, base = ''): ConsoleTransport {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    kind: 'http',
    async call(name, input) {
      const response = await fetch(`${base}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      if (!response.ok) throw await errorFrom(response);
      return (await response.json()) as never;
    },
    subscribe(listener) {
      const controller = new AbortController();
      const connect = async (attempt: number): Promise<void> => {
        try {
          const response = await fetch(`${base}/api/events`, { headers, signal: controller.signal });
          if (response.ok && response.body) {
            listener({ type: 'listener.changed' }); // (re)connected: refresh what may have been missed
            await readEvents(response, listener, controller.signal);
            attempt = 0;
          }
        } catch {
          // dropped: reconnect below
        }
        if (!controller.signal.aborted) setTimeout(() => void connect(attempt + 1), Math.min(500 * 2 ** attempt, 10_000));
      };
      void connect(0);
      return () => controller.abort();
    },
  };
}
