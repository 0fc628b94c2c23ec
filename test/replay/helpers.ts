/** Shared set-up for replay tests: a console, a staging server, targets and deliveries. */
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';
import type { ReplayAttempt, ReplayTargetView } from '../../src-shared/contract/replay.js';
import type { StoreBackend } from '../helpers/store-backends.js';

export async function saveTarget(gw: TestConsole, input: Record<string, unknown>): Promise<ReplayTargetView> {
  const { status, body } = await gw.api<ReplayTargetView>('replay.targets.save', input);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** Saves a target as the desktop window does (over IPC): only there may a target forward credential headers. */
export async function saveTargetOnDesktop(gw: TestConsole, input: Record<string, unknown>): Promise<ReplayTargetView> {
  return (await gw.gatewatch.dispatcher.call('replay.targets.save', input, 'ipc')) as ReplayTargetView;
}

export async function postDelivery(gw: TestConsole, provider: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<string> {
  const response = await gw.post(`/webhooks/${provider}`, body, { 'content-type': 'application/json', ...headers });
  expect(response.status).toBe(200);
  const { id } = (await response.json()) as { id: string };
  await gw.gatewatch.worker.idle();
  return id;
}

export async function replay(gw: TestConsole, input: Record<string, unknown>): Promise<ReplayAttempt> {
  const { status, body } = await gw.api<ReplayAttempt>('replay.send', { confirm: true, ...input });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

export type ApiErrorReply = { error: { code: string; message: string } };

/** A console (on `backend`'s store) and a staging server for the file's tests, started before and closed after them. */
export function consoleWithStaging(backend?: StoreBackend): { readonly gw: TestConsole; readonly staging: StagingServer } {
  const env = {} as { gw: TestConsole; staging: StagingServer };
  beforeAll(async () => {
    env.gw = await startTestConsole({ backend });
    env.staging = await startStagingServer();
  });
  afterAll(async () => {
    await env.staging?.close();
    await env.gw?.close();
  });
  return env;
}
