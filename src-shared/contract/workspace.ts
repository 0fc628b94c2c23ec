/**
 * The desktop app's workspace: this computer (its own store, listener and secrets) or a team
 * server (serve mode with accounts), which the main process then forwards every call to.
 */
import { z } from 'zod';
import { Role } from './roles.js';

const DESKTOP_ONLY = 'Choosing a workspace is only possible in the desktop app.';

/** A team server's address: its console URL, https (plain http only for a server on this computer). */
export const TeamServerUrl = z
  .string()
  .trim()
  .min(1, 'give the team server’s address, e.g. https://gatewatch.example.com')
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'the address must start with https:// (or http:// for a server on this computer)' }))
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, 'a team server beyond this computer must be reached over https://');

export const WorkspaceView = z.object({
  mode: z.enum(['local', 'team']),
  /** The team server's origin (team mode). */
  url: z.string().nullable(),
  /** Whom this computer is signed in as on the team server. */
  person: z.string().nullable(),
  role: Role.nullable(),
  /**
   * Whether the sign-in is kept across restarts (encrypted by the system keyring); false where no
   * keyring is available, and the person signs in again at each start.
   */
  remembered: z.boolean(),
  /** Why the team server cannot be used right now (sign-in revoked, not answering), in words. */
  problem: z.string().nullable(),
});
export type WorkspaceView = z.infer<typeof WorkspaceView>;

export const WorkspaceConnectInput = z.strictObject({
  url: TeamServerUrl,
  name: z.string().trim().min(1, 'give your name on the team server').max(40),
  password: z.string().min(1, 'give your password').max(1024),
});
export type WorkspaceConnectInput = z.input<typeof WorkspaceConnectInput>;

export const workspaceContract = {
  'workspace.get': { input: z.object({}).default({}), output: WorkspaceView, role: 'viewer', desktopOnly: DESKTOP_ONLY },
  /** Signs in on the team server and forwards every call there from now on. */
  'workspace.connect': { input: WorkspaceConnectInput, output: WorkspaceView, role: 'viewer', desktopOnly: DESKTOP_ONLY },
  /** Back to this computer's store; the team server's sign-in is revoked and forgotten. */
  'workspace.useLocal': { input: z.object({}).default({}), output: WorkspaceView, role: 'viewer', desktopOnly: DESKTOP_ONLY },
} as const;
