import { PushEvent } from '../../src-shared/contract/events.js';
import type { RemoteServer } from './remote-dispatcher.js';

const MAX_DELAY_MS = 10_000;

/**
 * The team server's pushes (`GET <origin>/api/events`, Server-Sent Events), handed on as they
 * come; reconnected after a drop (half a second, doubling, up to ten), and each (re)connection
 * announced as `listener.changed` so the window refetches what it may have missed. Stops for
 * good when the server refuses the token. Returns the function that stops it.
 */
export function followRemoteEvents(server: RemoteServer, listener: (event: PushEvent) => void, onRefused: () => void = () => {}): () => void {
  const fetchImpl = server.fetch ?? globalThis.fetch;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  const connect = async (attempt: number): Promise<void> => {
    try {
      const response = await fetchImpl(`${server.origin}/api/events`, {
        headers: { authorization: `Bearer ${server.token}`, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (response.status === 401) {
        onRefused();
        return;
      }
      if (response.ok && response.body) {
        listener({ type: 'listener.changed' });
        attempt = 0;
        await read(response.body, listener, controller.signal);
      }
    } catch {
      // dropped or unreachable: try again below
    }
    if (controller.signal.aborted) return;
    timer = setTimeout(() => void connect(attempt + 1), Math.min(500 * 2 ** attempt, MAX_DELAY_MS));
    timer.unref?.();
  };
  void connect(0);
  return () => {
    controller.abort();
    if (timer) clearTimeout(timer);
  };
}

async function read(body: ReadableStream<Uint8Array>, listener: (event: PushEvent) => void, signal: AbortSignal): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    if (signal.aborted) return;
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      buffer = buffer.slice(end + 2);
      if (!data) continue;
      try {
        const event = PushEvent.safeParse(JSON.parse(data));
        if (event.success) listener(event.data);
      } catch {
        // not JSON: not ours
      }
    }
  }
}
