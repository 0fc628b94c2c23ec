import { contract, isCallName } from '../../src-shared/contract/index.js';
import { ApiError, ApiErrorBody } from '../../src-shared/contract/errors.js';
import type { Dispatcher } from '../dispatcher/dispatcher.js';

export interface RemoteServer {
  /** The team server's console origin, e.g. https://gatewatch.example.com. */
  origin: string;
  /** The person's API token for this computer (made at sign-in, see team-sign-in.ts). */
  token: string;
  fetch?: typeof fetch;
}

/** What the desktop says when the team server stops accepting its sign-in. */
export const SIGN_IN_AGAIN =
  'The team server no longer accepts this computer’s sign-in (it was revoked, or you were disabled): sign in again under Settings → Workspace.';

export const notAnswering = (origin: string) =>
  `The team server at ${origin} is not answering: it may be down, or this computer cannot reach it. What is on screen may be out of date.`;

/**
 * The same dispatch interface as the local one, over the team server's API: each call goes to
 * `POST <origin>/api/<call>` with the person's token, its answer checked against the contract.
 * Errors come back as the server said them (a role refusal, a bad input); the server decides
 * who may do what, this only carries the call. Nothing here holds a provider secret: they stay
 * on the server, and its answers carry them masked as always.
 */
export class RemoteDispatcher implements Dispatcher {
  private readonly fetch: typeof fetch;

  constructor(
    private readonly server: RemoteServer,
    /** Told when the server refuses the token (revoked, person disabled). */
    private readonly onRefused: () => void = () => {},
  ) {
    this.fetch = server.fetch ?? globalThis.fetch;
  }

  get origin(): string {
    return this.server.origin;
  }

  async call(name: string, input: unknown): Promise<unknown> {
    if (!isCallName(name)) throw new ApiError('not_found', `There is no call named "${name}".`);
    let response: Response;
    try {
      response = await this.fetch(`${this.server.origin}/api/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError('unavailable', notAnswering(this.server.origin));
    }
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    if (!response.ok) {
      if (response.status === 401) {
        this.onRefused();
        throw new ApiError('unauthorized', SIGN_IN_AGAIN);
      }
      const error = ApiErrorBody.safeParse(body?.error);
      if (!error.success) throw new ApiError('unavailable', `The team server at ${this.server.origin} answered HTTP ${response.status} to ${name}.`);
      throw new ApiError(error.data.code, error.data.message, error.data.issues);
    }
    const output = contract[name].output.safeParse(body);
    if (!output.success) {
      throw new ApiError('internal', `The team server’s answer to ${name} is not one this app understands: is it another version of Gatewatch?`);
    }
    return output.data;
  }
}
