import type { ProviderId } from '../../../src-shared/domain/provider.js';
import type { SessionClient } from '../types.js';
import { calypsoClient } from './calypso.js';
import { instapClient } from './instap.js';
import { instaxchangeClient } from './instaxchange.js';
import { openxswitchClient } from './openxswitch.js';
import { paychantClient } from './paychant.js';

export const sessionClients: Record<ProviderId, SessionClient> = {
  instap: instapClient,
  instaxchange: instaxchangeClient,
  calypso: calypsoClient,
  openxswitch: openxswitchClient,
  paychant: paychantClient,
};
