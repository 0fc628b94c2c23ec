/**
 * The listener's port, set in Settings through the console API: it applies at once (the
 * listener moves in place), is kept for the next starts, a port in use is refused in words and
 * the listener stays where it was; a port taken at start leaves the console running and saying
 * so; a port fixed by the start options cannot be changed from Settings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { startServeMode, type RunningConsole } from '../../src-main/serve/serve-mode.js';
import { createGatewatchDeps } from '../../src-main/app/default-deps.js';
import type { ListenerStatus } from '../../src-shared/contract/listener.js';
import { startTestConsole } from '../helpers/console.js';
import { storeBackends, type OpenedStore, type StoreBackend } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A port held by another program until the test ends. */
async function takenPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as { port: number }).port;
}

/** A port free right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A store whose Settings already hold a listener port (as after an earlier run), closed for serve mode to open. */
async function withPortSetting(backend: StoreBackend, port: number): Promise<OpenedStore> {
  const opened = await backend.open();
  cleanups.push(() => opened.remove());
  await opened.store.settings.set('listener', { webhookPort: port });
  await opened.store.close();
  return opened;
}

/** Serve mode as `npm run serve` starts it without --webhook-port: the port comes from Settings. */
async function startFromSettings(opened: OpenedStore) {
  const dir = opened.dataDir;
  const running: RunningConsole = await startServeMode(
    { dataDir: dir, consolePort: 0, token: 'port-test-token-0123456789abcdef', rendererDir: null },
    { ...createGatewatchDeps({ dataDir: dir }), discoverTunnel: async () => null, store: await opened.reopen() },
  );
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await running.stop();
  };
  cleanups.push(stop);
  const api = async <T>(name: string, input: unknown = {}) => {
    const response = await fetch(`${running.consoleOrigin}/api/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${running.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return { running, api, stop };
}

const deliver = (port: number) =>
  fetch(`http://127.0.0.1:${port}/webhooks/paychant`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"x"}' });

describe.each(storeBackends)('listener port set in Settings, on $name', { timeout: 30_000 }, (backend) => {
  it('starts on the saved port, moves at once when it changes, and keeps the new port for the next start', async () => {
    const first = await freePort();
    const opened = await withPortSetting(backend, first);
    const gw = await startFromSettings(opened);
    const before = (await gw.api<ListenerStatus>('listener.status')).body;
    expect(before).toMatchObject({ listening: true, port: first, portSetting: first, portFixedBy: null, problem: null });
    expect(gw.running.webhookBaseUrl).toBe(`http://127.0.0.1:${first}`);

    const second = await freePort();
    const moved = await gw.api<ListenerStatus>('listener.configure', { webhookPort: second });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ listening: true, port: second, portSetting: second, localBaseUrl: `http://127.0.0.1:${second}` });
    expect(moved.body.urls[0]!.localUrl).toBe(`http://127.0.0.1:${second}/webhooks/${moved.body.urls[0]!.provider}`);
    expect((await deliver(second)).status).toBe(200);
    await expect(deliver(first)).rejects.toThrow();

    await gw.stop();
    const again = await startFromSettings(opened);
    expect((await again.api<ListenerStatus>('listener.status')).body).toMatchObject({ listening: true, port: second, portSetting: second });
    expect((await deliver(second)).status).toBe(200);
  });

  it('refuses a port in use, in words, and the listener stays where it was', async () => {
    const current = await freePort();
    const gw = await startFromSettings(await withPortSetting(backend, current));
    const taken = await takenPort();
    const refused = await gw.api<{ error: { code: string; message: string } }>('listener.configure', { webhookPort: taken });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'conflict',
      message: `Port ${taken} is already in use (another Gatewatch, or another program). The listener stays on port ${current}.`,
    });
    expect((await gw.api<ListenerStatus>('listener.status')).body).toMatchObject({ listening: true, port: current, portSetting: current });
    expect((await deliver(current)).status).toBe(200);
    // Nothing else in a refused change is saved either.
    const both = await gw.api('listener.configure', { webhookPort: taken, trustForwardedHeaders: true });
    expect(both.status).toBe(409);
    expect((await gw.api<ListenerStatus>('listener.status')).body.trustForwardedHeaders).toBe(false);
  });

  it('when the saved port is taken at start, the console starts anyway, says why, and a new port makes it listen', async () => {
    const taken = await takenPort();
    const gw = await startFromSettings(await withPortSetting(backend, taken));
    const problem = `Port ${taken} is already in use (another Gatewatch, or another program). Choose another port under Settings → Webhook listener.`;
    expect(gw.running.listenerProblem).toBe(problem);
    expect((await gw.api<ListenerStatus>('listener.status')).body).toMatchObject({ listening: false, port: taken, problem });

    const other = await freePort();
    const moved = await gw.api<ListenerStatus>('listener.configure', { webhookPort: other });
    expect(moved.body).toMatchObject({ listening: true, port: other, problem: null, portSetting: other });
    expect((await deliver(other)).status).toBe(200);
  });

  it('a port fixed by the start options cannot be changed from Settings', async () => {
    const gw = await startTestConsole({ backend });
    cleanups.push(() => gw.close());
    const status = (await gw.api<ListenerStatus>('listener.status')).body;
    expect(status.portFixedBy).toBe('the start options');
    const refused = await gw.api<{ error: { code: string; message: string } }>('listener.configure', { webhookPort: await freePort() });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      "The listener's port is set by the start options for this run, so it cannot be changed here. Start Gatewatch without it to use the port set in Settings.",
    );
    expect((await gw.api<ListenerStatus>('listener.status')).body.port).toBe(status.port);
  });

  it('validates the port', async () => {
    const gw = await startTestConsole({ backend });
    cleanups.push(() => gw.close());
    const { status, body } = await gw.api<{ error: { issues: Array<{ path: string; message: string }> } }>('listener.configure', { webhookPort: 70000 });
    expect(status).toBe(400);
    expect(body.error.issues).toEqual([{ path: 'webhookPort', message: 'ports go from 1 to 65535' }]);
  });
});
