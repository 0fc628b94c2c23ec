import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PushEvent } from '../../src-shared/contract/events.js';
import { createHttpTransport } from '../../src-renderer/transport/http.js';

afterEach(() => vi.unstubAllGlobals());

/** An /api/events answer whose body arrives in these chunks, then stays open. */
function eventStream(chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

describe('the HTTP transport’s event stream', () => {
  it('reads every frame: several in one chunk, one split across chunks, comments skipped', async () => {
    const frame = (ids: string[]) => `data: ${JSON.stringify({ type: 'deliveries.received', ids })}\n\n`;
    const two = frame(['dlv_1']) + frame(['dlv_2']);
    const split = frame(['dlv_3']);
    const fetchMock = vi.fn(async () => eventStream([two, ': keep-alive\n\n', split.slice(0, 10), split.slice(10)]));
    vi.stubGlobal('fetch', fetchMock);
    const events: PushEvent[] = [];
    const stop = createHttpTransport('t0ken').subscribe((event) => events.push(event));
    await vi.waitFor(() => expect(events).toHaveLength(4));
    stop();
    expect(events).toEqual([
      { type: 'listener.changed' },
      { type: 'deliveries.received', ids: ['dlv_1'] },
      { type: 'deliveries.received', ids: ['dlv_2'] },
      { type: 'deliveries.received', ids: ['dlv_3'] },
    ]);
    expect(fetchMock).toHaveBeenCalledWith('/api/events', expect.objectContaining({ headers: expect.objectContaining({ authorization: 'Bearer t0ken' }) }));
  });
});

describe('the HTTP transport’s subscribers', () => {
  it('share one event stream (a browser allows six connections to a host, across tabs), closed with the last of them', async () => {
    const frame = `data: ${JSON.stringify({ type: 'views.changed' })}\n\n`;
    let aborted = 0;
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      init.signal?.addEventListener('abort', () => aborted++);
      return eventStream([frame]);
    });
    vi.stubGlobal('fetch', fetchMock);
    const transport = createHttpTransport(null);
    const first: PushEvent[] = [];
    const second: PushEvent[] = [];
    const stopFirst = transport.subscribe((event) => first.push(event));
    const stopBroken = transport.subscribe(() => {
      throw new Error('a broken subscriber');
    });
    const stopSecond = transport.subscribe((event) => second.push(event));
    await vi.waitFor(() => expect(second).toEqual([{ type: 'listener.changed' }, { type: 'views.changed' }]));
    expect(first).toEqual(second);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    stopFirst();
    stopBroken();
    expect(aborted).toBe(0);
    stopSecond();
    expect(aborted).toBe(1);
  });
});
