import type { timelineContract } from '../../../src-shared/contract/timeline.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function timelineHandlers(_ctx: AppContext): FeatureHandlers<typeof timelineContract> {
  return {};
}
