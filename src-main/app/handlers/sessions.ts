import type { sessionsContract } from '../../../src-shared/contract/sessions.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function sessionHandlers(_ctx: AppContext): FeatureHandlers<typeof sessionsContract> {
  return {};
}
