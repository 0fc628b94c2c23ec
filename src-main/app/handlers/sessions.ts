import type { sessionsContract } from '../../../src-shared/contract/sessions.js';
import { SessionService } from '../../sessions/session-service.js';
import { SessionSettingsService } from '../../sessions/settings-service.js';
import { TxLookupService } from '../../sessions/tx-lookup.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function sessionHandlers(ctx: AppContext): FeatureHandlers<typeof sessionsContract> {
  const settings = new SessionSettingsService(ctx.store.settings);
  const credentials = ctx.providerConfig.credentials.bind(ctx.providerConfig);
  const sessions = new SessionService({ store: ctx.store.sessions, settings, credentials, audit: ctx.audit });
  const lookups = new TxLookupService({ sessions: ctx.store.sessions, deliveries: ctx.store.deliveries, settings, credentials, audit: ctx.audit });
  return {
    'sessions.preview': (input) => sessions.preview(input),
    'sessions.create': (input) => sessions.create(input),
    'sessions.refresh': async (input) => sessions.detail((await sessions.refresh(input.id)).id),
    'sessions.mockDeposit': async (input) => sessions.detail((await sessions.mockDeposit(input)).id),
    'sessions.lookupWithdrawTx': (input) => lookups.lookup(input),
    'sessions.txLookups': async (input) => ({ items: await lookups.list(input.deliveryId) }),
    'sessions.list': (input) => sessions.list(input),
    'sessions.get': (input) => sessions.detail(input.id),
    'sessions.settings.get': () => settings.get(),
    'sessions.settings.save': (input) => settings.save(input),
  };
}
