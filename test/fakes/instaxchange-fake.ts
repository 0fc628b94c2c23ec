/** A fake InstaXchange API: session creation (auth as configured), status, withdraw tx hash lookup. */
import { jsonOf, startFakeServer, type FakeServer } from './fake-http.js';

export interface InstaxchangeFakeOptions {
  apiKey: string;
  auth: 'none' | 'x-api-key' | 'bearer';
  /** Which field the session id comes back in (both are seen). */
  idField: 'sessionId' | 'id';
  /** withdraw tx id → blockchain hash, served at /api/withdraw/{id}/hash */
  hashes: Record<string, string>;
}

export async function startInstaxchangeFake(options: InstaxchangeFakeOptions): Promise<FakeServer & { states: Map<string, string> }> {
  const states = new Map<string, string>();
  let counter = 0;
  const server = await startFakeServer((request) => {
    if (request.method === 'POST' && request.path === '/api/session') {
      const auth =
        options.auth === 'x-api-key'
          ? request.headers['x-api-key'] === options.apiKey
          : options.auth === 'bearer'
            ? request.headers.authorization === `Bearer ${options.apiKey}`
            : true;
      if (!auth) return { status: 401, body: { message: 'Unauthorized' } };
      const body = jsonOf(request);
      if (!body) return { status: 400, body: { message: 'invalid JSON' } };
      if (body.amountDirection === 'sending' && typeof body.fromAmount !== 'number') return { status: 400, body: { message: 'fromAmount required' } };
      if (body.amountDirection === 'receiving' && typeof body.toAmount !== 'number') return { status: 400, body: { message: 'toAmount required' } };
      counter += 1;
      const id = `ixs_${counter}_${Date.now()}`;
      states.set(id, 'initiated');
      return { status: 200, body: { [options.idField]: id } };
    }
    const status = /^\/api\/session\/([^/]+)\/status$/.exec(request.path);
    if (request.method === 'GET' && status) {
      if (request.headers['x-api-key'] !== options.apiKey) return { status: 401, body: { message: 'Unauthorized' } };
      const state = states.get(status[1]!);
      return state ? { status: 200, body: { sessionId: status[1], sessionStatus: state } } : { status: 404, body: { message: 'not found' } };
    }
    const lookup = /^\/api\/withdraw\/([^/]+)\/hash$/.exec(request.path);
    if (request.method === 'GET' && lookup) {
      const hash = options.hashes[decodeURIComponent(lookup[1]!)];
      return hash ? { status: 200, body: { withdrawTxId: lookup[1], hash } } : { status: 404, body: { message: 'unknown withdraw tx' } };
    }
    return { status: 404, body: { message: 'no route' } };
  });
  return { ...server, states };
}
