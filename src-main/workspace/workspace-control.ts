import type { WorkspaceConnectInput, WorkspaceView } from '../../src-shared/contract/workspace.js';
import type { z } from 'zod';

/** The desktop app's choice between this computer and a team server (see workspace-service.ts). */
export interface WorkspaceControl {
  view(): Promise<WorkspaceView>;
  connect(input: z.output<typeof WorkspaceConnectInput>): Promise<WorkspaceView>;
  useLocal(): Promise<WorkspaceView>;
}
