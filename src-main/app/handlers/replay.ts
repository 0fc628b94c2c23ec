import type { replayContract } from '../../../src-shared/contract/replay.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function replayHandlers(_ctx: AppContext): FeatureHandlers<typeof replayContract> {
  return {};
}
