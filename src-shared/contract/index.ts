import type { z } from 'zod';
import { deliveriesContract } from './deliveries.js';
import { listenerContract } from './listener.js';
import { providersContract } from './providers.js';
import { auditContract } from './audit.js';
import { timelineContract } from './timeline.js';
import { dashboardNowContract } from './dashboard-now.js';
import { sessionsContract } from './sessions.js';
import { replayContract } from './replay.js';
import { retentionContract } from './retention.js';
import { interopContract } from './interop.js';
import { relayContract } from './relay.js';
import { alertsContract } from './alerts.js';
import { viewsContract } from './views.js';
import { peopleContract } from './people.js';
import { workspaceContract } from './workspace.js';
import type { Role } from './roles.js';

/**
 * Every call the renderer can make: a name, a zod input schema and a zod output schema.
 * Both transports (IPC in the desktop app, HTTP in serve mode) are derived from this object.
 */
export const contract = {
  ...deliveriesContract,
  ...listenerContract,
  ...providersContract,
  ...auditContract,
  ...timelineContract,
  ...dashboardNowContract,
  ...sessionsContract,
  ...replayContract,
  ...retentionContract,
  ...interopContract,
  ...relayContract,
  ...alertsContract,
  ...viewsContract,
  ...peopleContract,
  ...workspaceContract,
} as const satisfies Record<string, CallSpec>;

/**
 * What each call declares beside its schemas: the role it needs (checked by the dispatcher, in one
 * place), and, for a call only the desktop window may make, the refusal other transports get.
 */
export interface CallSpec {
  input: z.ZodType;
  output: z.ZodType;
  role: Role;
  desktopOnly?: string;
}

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}

/** IPC channel for a call: one per call, derived here so main and preload cannot drift apart. */
export const ipcChannelFor = (name: CallName): string => `gatewatch:call:${name}`;
export const ipcPushChannel = 'gatewatch:push';
