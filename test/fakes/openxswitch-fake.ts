/** A fake OpenXSwitch API: Bearer auth, instant swap creation and its order query. */
import { jsonOf, startFakeServer, type FakeServer } from './fake-http.js';

export async function startOpenxswitchFake(options: { apiKey: string }): Promise<FakeServer> {
  let counter = 0;
  return startFakeServer((request) => {
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) return { status: 401, body: { message: 'invalid token' } };
    if (request.method === 'POST' && request.path === '/v1/instant-swap') {
      const body = jsonOf(request) ?? {};
      if (typeof body.fromAmount !== 'string') return { status: 400, body: { message: 'fromAmount must be a string' } };
      counter += 1;
      return { status: 200, body: { id: `swap_${counter}`, status: 'pending' } };
    }
    if (request.method === 'GET' && request.path === '/v1/instant-swap/order') {
      return { status: 200, body: { id: request.query.get('swapId'), walletId: request.query.get('walletId'), status: 'success' } };
    }
    return { status: 404, body: { message: 'no route' } };
  });
}
