import type { providersContract } from '../../../src-shared/contract/providers.js';
import { getDelivery } from '../../services/deliveries.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';
import type { BaseUrlChange } from '../../services/base-url-change.js';

const INSECURE_WARNING =
  'Secrets are stored without real protection: no keyring (e.g. gnome-keyring or KWallet) is running, so Electron falls back to plain text. Start a keyring, or run serve mode with GATEWATCH_MASTER_KEY.';

/** "Changed baseUrl for instap: production base URL https://a → https://b (stored credentials kept for the new host)". */
function configureSummary(provider: string, changed: readonly string[], baseUrl: BaseUrlChange | null): string {
  const summary = `Changed ${changed.join(', ') || 'nothing'} for ${provider}`;
  if (!baseUrl) return summary;
  const kept = baseUrl.credentialsKept ? ' (stored credentials kept for the new host)' : '';
  return `${summary}: ${baseUrl.environment} base URL ${baseUrl.from ?? 'none'} → ${baseUrl.to ?? 'none'}${kept}`;
}

export function providerHandlers(ctx: AppContext): FeatureHandlers<typeof providersContract> {
  return {
    'providers.get': async () => ({
      providers: await ctx.providerConfig.viewAll(),
      secretStorage: { ...ctx.vault.backend, warning: ctx.vault.backend.secure ? null : INSECURE_WARNING },
    }),
    'providers.configure': async (input) => {
      const { webhookSecretsChanged, baseUrlChange } = await ctx.providerConfig.configure(input);
      // Field names only, never their values: a flag is not a change.
      const changed = Object.entries(input)
        .filter(([key, value]) => key !== 'provider' && key !== 'keepCredentials' && value !== undefined)
        .map(([key]) => key);
      await ctx.audit.record('providers.configure', input.provider, configureSummary(input.provider, changed, baseUrlChange), {
        environment: input.environment ?? null,
        fields: changed,
        ...(baseUrlChange ? { baseUrl: baseUrlChange } : {}),
      });
      // Stored verification results were made with the old secrets: work them out again.
      const reverifying = webhookSecretsChanged ? await ctx.store.deliveries.markForRederive({ provider: input.provider }) : 0;
      // Also rows read for derivation but not saved yet: they were checked with the old secrets.
      if (webhookSecretsChanged) ctx.worker.rederive();
      return { provider: await ctx.providerConfig.view(input.provider), reverifying };
    },
    'deliveries.reverify': async (input) => {
      await getDelivery(ctx.store.deliveries, input.id); // not_found before anything changes
      await ctx.store.deliveries.markForRederive({ id: input.id });
      ctx.worker.schedule();
      await ctx.worker.idle();
      return getDelivery(ctx.store.deliveries, input.id);
    },
  };
}
