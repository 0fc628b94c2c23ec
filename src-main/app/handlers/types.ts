import type { CallName } from '../../../src-shared/contract/index.js';
import type { CallHandlers } from '../../dispatcher/dispatcher.js';

/** The handlers for one feature's slice of the contract. */
export type FeatureHandlers<Slice> = { [K in keyof Slice & CallName]: CallHandlers[K] };
