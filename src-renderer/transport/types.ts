import type { CallInput, CallName, CallOutput } from '../../src-shared/contract/index.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import type { ApiErrorBody, ApiErrorCode, ApiIssue } from '../../src-shared/contract/errors.js';
import type { ConnectionMonitor } from './connection.js';

/** How the renderer reaches the main process: IPC in the desktop app, HTTP in a browser. */
export interface ConsoleTransport {
  readonly kind: 'ipc' | 'http';
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  subscribe(listener: (event: PushEvent) => void): () => void;
  /** Whether the main process answers (HTTP only: the desktop's IPC cannot drop). */
  readonly connection?: ConnectionMonitor;
}

/** A failed call, as the renderer sees it, whichever transport carried it. */
export class ConsoleError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiIssue[];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ConsoleError';
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}
