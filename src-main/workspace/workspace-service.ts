import { z } from 'zod';
import { ApiError } from '../../src-shared/contract/errors.js';
import { Role } from '../../src-shared/contract/roles.js';
import type { WorkspaceConnectInput, WorkspaceView } from '../../src-shared/contract/workspace.js';
import type { SettingsStore } from '../store/types.js';
import { RemoteDispatcher, SIGN_IN_AGAIN, type RemoteServer } from '../remote/remote-dispatcher.js';
import { revokeTeamToken, signInToTeam } from '../remote/team-sign-in.js';
import type { WorkspaceControl } from './workspace-control.js';

/** Keeps a secret for this computer's user only: Electron's safeStorage on the desktop. */
export interface TokenSealer {
  /** False where the system keyring is missing: nothing is then kept across restarts. */
  readonly secure: boolean;
  seal(plain: string): string;
  open(sealed: string): string;
}

const SETTINGS_KEY = 'workspace';

const StoredWorkspace = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('team'),
    origin: z.string(),
    person: z.string(),
    role: Role,
    tokenId: z.string(),
    /** The person's token for this computer, sealed; null where it cannot be kept. */
    sealedToken: z.string().nullable(),
  }),
]);
type StoredWorkspace = z.infer<typeof StoredWorkspace>;

const NOT_KEPT = 'This computer has no keyring to keep the team server’s sign-in: sign in again after each start.';

export interface WorkspaceDeps {
  settings: SettingsStore;
  sealer: TokenSealer;
  /** How this computer's token is labelled on the team server, e.g. "Gatewatch desktop on ada-laptop". */
  deviceLabel: string;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

/**
 * Which store the desktop app shows: this computer's, or a team server's. For a team server it
 * keeps the person's token for this computer sealed by the keyring (the password is never kept),
 * and a RemoteDispatcher carrying the window's calls there. The server refusing the token
 * (revoked, person disabled) leaves the workspace on the team server, saying to sign in again.
 */
export class WorkspaceService implements WorkspaceControl {
  private state: StoredWorkspace = { mode: 'local' };
  private token: string | null = null;
  private remote: RemoteDispatcher | null = null;
  private problem: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: WorkspaceDeps) {}

  /** Reads the saved choice (at start); a token the keyring cannot open asks for a new sign-in. */
  async load(): Promise<void> {
    const saved = StoredWorkspace.safeParse(await this.deps.settings.get(SETTINGS_KEY));
    this.state = saved.success ? saved.data : { mode: 'local' };
    if (this.state.mode !== 'team') return;
    if (this.state.sealedToken === null) {
      this.problem = NOT_KEPT;
      this.changed();
      return;
    }
    try {
      this.use(this.deps.sealer.open(this.state.sealedToken));
    } catch {
      this.problem = 'The saved sign-in to the team server could not be read on this computer: sign in again.';
    }
    // Whoever subscribed before the saved choice was read follows the team server from now on.
    this.changed();
  }

  /** Where the window's calls go now. */
  target(): { kind: 'local' } | { kind: 'remote'; dispatcher: RemoteDispatcher; server: RemoteServer } | { kind: 'refused'; message: string } {
    if (this.state.mode === 'local') return { kind: 'local' };
    if (this.remote && this.token) return { kind: 'remote', dispatcher: this.remote, server: this.server(this.token) };
    return { kind: 'refused', message: this.problem ?? SIGN_IN_AGAIN };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async view(): Promise<WorkspaceView> {
    const state = this.state;
    if (state.mode === 'local') return { mode: 'local', url: null, person: null, role: null, remembered: false, problem: null };
    return {
      mode: 'team',
      url: state.origin,
      person: state.person,
      role: state.role,
      remembered: state.sealedToken !== null,
      problem: this.token ? null : this.problem,
    };
  }

  async connect(input: z.output<typeof WorkspaceConnectInput>): Promise<WorkspaceView> {
    const signedIn = await signInToTeam({
      url: input.url,
      name: input.name,
      password: input.password,
      deviceLabel: this.deps.deviceLabel,
      fetch: this.deps.fetch,
    });
    await this.forgetToken();
    const sealedToken = this.deps.sealer.secure ? this.deps.sealer.seal(signedIn.token) : null;
    this.state = { mode: 'team', origin: signedIn.origin, person: signedIn.person.name, role: signedIn.person.role, tokenId: signedIn.tokenId, sealedToken };
    await this.deps.settings.set(SETTINGS_KEY, this.state);
    this.problem = sealedToken === null ? NOT_KEPT : null;
    this.use(signedIn.token);
    this.changed();
    return this.view();
  }

  async useLocal(): Promise<WorkspaceView> {
    await this.forgetToken();
    this.state = { mode: 'local' };
    this.problem = null;
    await this.deps.settings.set(SETTINGS_KEY, this.state);
    this.changed();
    return this.view();
  }

  /** The server refused the token: it is forgotten, and the person asked to sign in again. */
  readonly signInRefused = (): void => {
    if (this.token === null) return;
    this.token = null;
    this.remote = null;
    this.problem = SIGN_IN_AGAIN;
    if (this.state.mode === 'team') {
      this.state = { ...this.state, sealedToken: null };
      void this.deps.settings.set(SETTINGS_KEY, this.state).catch(() => undefined);
    }
    this.changed();
  };

  private use(token: string): void {
    this.token = token;
    this.remote = new RemoteDispatcher(this.server(token), this.signInRefused);
  }

  private server(token: string): RemoteServer {
    if (this.state.mode !== 'team') throw new ApiError('internal', 'No team server is chosen.');
    return { origin: this.state.origin, token, fetch: this.deps.fetch };
  }

  /** Revokes this computer's token on the team server (best effort: it may be gone already). */
  private async forgetToken(): Promise<void> {
    const state = this.state;
    if (state.mode === 'team' && this.token) {
      const revoked = await revokeTeamToken({ origin: state.origin, token: this.token, tokenId: state.tokenId, fetch: this.deps.fetch });
      if (!revoked) this.deps.log?.(`could not revoke this computer’s token on ${state.origin}; an admin can revoke “${this.deps.deviceLabel}” there`);
    }
    this.token = null;
    this.remote = null;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
