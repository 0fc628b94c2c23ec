import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { ngrokPublicUrl } from '../../src-main/listener/public-url.js';
import { listen } from '../../src-main/net/listen.js';
import { tempDir } from '../helpers/temp.js';
import { startServeMode } from '../../src-main/serve/serve-mode.js';

let agent: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => (agent ? agent.close(resolve) : resolve(null)));
  agent = null;
});

/** A stand-in for a running ngrok agent's local API. */
async function fakeAgent(body: unknown): Promise<string> {
  agent = createServer((_req, res) => res.end(JSON.stringify(body)));
  const address = await listen(agent, 0, '127.0.0.1');
  return `http://127.0.0.1:${address.port}/api/tunnels`;
}

describe('ngrok discovery', () => {
  it('picks the https tunnel that forwards to the listener port', async () => {
    const url = await fakeAgent({
      tunnels: [
        { public_url: 'https://other.ngrok-free.app', proto: 'https', config: { addr: 'http://localhost:3000' } },
        { public_url: 'http://mine.ngrok-free.app', proto: 'http', config: { addr: 'http://localhost:8787' } },
        { public_url: 'https://mine.ngrok-free.app/', proto: 'https', config: { addr: 'http://localhost:8787' } },
      ],
    });
    expect(await ngrokPublicUrl(8787, url)).toBe('https://mine.ngrok-free.app');
  });

  it('answers null when no agent runs or it answers nonsense', async () => {
    expect(await ngrokPublicUrl(8787, 'http://127.0.0.1:9/api/tunnels')).toBeNull();
    expect(await ngrokPublicUrl(8787, await fakeAgent({ nope: true }))).toBeNull();
  });
});

describe('the listener address', () => {
  it('binds the host it is given', async () => {
    const dir = tempDir();
    const running = await startServeMode(
      { dataDir: dir.path, webhookHost: '127.0.0.2', webhookPort: 0, consolePort: 0, token: 'host-test-token-0123456789', rendererDir: null },
      { discoverTunnel: async () => null },
    );
    try {
      expect(running.webhookBaseUrl).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      expect(running.gatewatch.listener.address()?.address).toBe('127.0.0.2');
      expect((await fetch(`${running.webhookBaseUrl}/webhooks/paychant`, { method: 'POST', body: '{}' })).status).toBe(200);
    } finally {
      await running.stop();
      dir.remove();
    }
  });
});
