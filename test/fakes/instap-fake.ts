/**
 * A fake Instap `pgpub` API. Like the real one it hashes the exact bytes it receives
 * (base64 HMAC-SHA512 with the registered secret) and answers errorHmacDoesNotMatch when
 * x-payload-hash differs, and HTTP 400 while no HMAC secret is registered. Its mock deposit
 * hook completes the user's session and posts a signed deposit notification, as Instap does.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { jsonOf, startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from './fake-http.js';

export interface InstapFakeOptions {
  apiKey: string;
  /** null: no HMAC secret registered yet (the API answers 400). */
  hmacSecret: string | null;
  /** Where deposit notifications go (the console's /webhooks/instap). */
  notifyUrl?: string;
}

export interface InstapFake extends FakeServer {
  sessions: Map<string, { userId: string; state: string }>;
  setState(token: string, state: string): void;
  /** Notifications posted to notifyUrl, with the HTTP status the console answered. */
  notifications: Array<{ body: string; status: number }>;
}

const sign = (secret: string, bytes: Buffer) => createHmac('sha512', secret).update(bytes).digest('base64');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startInstapFake(options: InstapFakeOptions): Promise<InstapFake> {
  const sessions = new Map<string, { userId: string; state: string }>();
  const notifications: Array<{ body: string; status: number }> = [];
  let counter = 0;
  let baseUrl = '';

  const checkAuth = (request: FakeRequest, signed: boolean): FakeReply | null => {
    if (request.headers['x-api-key'] !== options.apiKey) return { status: 401, body: { message: 'errorInvalidApiKey' } };
    if (!signed) return null;
    if (options.hmacSecret === null) return { status: 400, body: { message: 'Bad Request' } };
    const received = String(request.headers['x-payload-hash'] ?? '');
    if (!sameText(received, sign(options.hmacSecret, request.body))) return { status: 400, body: { message: 'errorHmacDoesNotMatch' } };
    return null;
  };

  async function notify(userId: string, token: string, body: Record<string, unknown>) {
    if (!options.notifyUrl || options.hmacSecret === null) return;
    const event = JSON.stringify({
      objectType: 'depositEventObject',
      userId,
      userName: 'fake user',
      date: 1767225600000,
      blockChainCurrency: body.blockChainCurrency,
      blockChainTxId: `faketx${counter}a1b2c3d4`,
      blockChainAmount: 0,
      convertedAmount: [{ fiatCurrency: 'USD', convertedValue: 0 }],
      conversionTime: 1767225600000,
      paymentStatus: { minAmountToBePaidInUsd: 10, maxAmountToBePaidInUsd: 5000, actualPaymentInUsd: 0, paymentStatus: 'underpaid' },
      sessionToken: token,
    });
    const response = await fetch(options.notifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-payload-hash': sign(options.hmacSecret, Buffer.from(event)) },
      body: event,
    });
    notifications.push({ body: event, status: response.status });
  }

  const server = await startFakeServer(async (request) => {
    const sessionMatch = /^\/pgpub\/session\/([^/]+)$/.exec(request.path);
    if (request.method === 'POST' && request.path === '/pgpub/session') {
      const refused = checkAuth(request, true);
      if (refused) return refused;
      const body = jsonOf(request);
      if (!body || typeof body.userId !== 'string' || typeof body.userName !== 'string')
        return { status: 422, body: { message: 'userId and userName are required' } };
      counter += 1;
      const token = `OP${String(counter).padStart(4, '0')}X${Date.now()}`;
      sessions.set(token, { userId: body.userId, state: 'NEW' });
      return { status: 200, body: { sessionToken: token, checkOutUrl: `${baseUrl}/checkout/${token}` } };
    }
    if (request.method === 'GET' && sessionMatch) {
      const refused = checkAuth(request, false);
      if (refused) return refused;
      const session = sessions.get(decodeURIComponent(sessionMatch[1]!));
      if (!session) return { status: 404, body: { message: 'session not found' } };
      return { status: 200, body: { sessionState: session.state, checkOutUrl: `${baseUrl}/checkout/${sessionMatch[1]}` } };
    }
    if (request.method === 'POST' && request.path === '/pgpub/mock/deposit') {
      const refused = checkAuth(request, true);
      if (refused) return refused;
      const body = jsonOf(request) ?? {};
      const entry = [...sessions.entries()].reverse().find(([, s]) => s.userId === body.userId);
      if (!entry) return { status: 404, body: { message: 'no session for this user' } };
      entry[1].state = 'COMPLETED';
      await notify(String(body.userId), entry[0], body);
      return { status: 200, body: { result: 'deposit event sent' } };
    }
    return { status: 404, body: { message: `no route ${request.method} ${request.path}` } };
  });
  baseUrl = server.baseUrl;
  return {
    ...server,
    sessions,
    notifications,
    setState(token, state) {
      const session = sessions.get(token);
      if (!session) throw new Error(`fake has no session ${token}`);
      session.state = state;
    },
  };
}
