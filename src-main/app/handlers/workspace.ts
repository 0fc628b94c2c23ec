import type { workspaceContract } from '../../../src-shared/contract/workspace.js';
import { ApiError } from '../../../src-shared/contract/errors.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function workspaceHandlers(ctx: AppContext): FeatureHandlers<typeof workspaceContract> {
  const workspace = () => {
    if (!ctx.workspace) throw new ApiError('not_found', 'This Gatewatch has no workspace to choose: only the desktop app connects to a team server.');
    return ctx.workspace;
  };
  return {
    'workspace.get': () => workspace().view(),
    'workspace.connect': (input) => workspace().connect(input),
    'workspace.useLocal': () => workspace().useLocal(),
  };
}
