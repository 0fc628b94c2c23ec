/**
 * Non-secret settings of session creation, stored under `sessions:settings`. Several facts are
 * not published by the providers (InstaXchange's creation auth, its withdraw-hash lookup path,
 * the payment page path), so they are settings, and the console shows which one was used.
 */
import { z } from 'zod';

const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,20}$/, 'A currency code such as USDT or USDT-TRON');

export const InstaxchangeCreationAuth = z.enum(['none', 'x-api-key', 'bearer']);
export type InstaxchangeCreationAuth = z.infer<typeof InstaxchangeCreationAuth>;

/** Block explorers per currency; `{hash}` is replaced by the transaction hash. */
export const defaultExplorerLinks: Record<string, string> = {
  BTC: 'https://mempool.space/tx/{hash}',
  LTC: 'https://blockchair.com/litecoin/transaction/{hash}',
  ETH: 'https://etherscan.io/tx/{hash}',
  USDT: 'https://etherscan.io/tx/{hash}',
  USDC: 'https://etherscan.io/tx/{hash}',
  'USDT-TRON': 'https://tronscan.org/#/transaction/{hash}',
  'USDT-AVALANCHE': 'https://snowtrace.io/tx/{hash}',
  USDC_POLYGON: 'https://polygonscan.com/tx/{hash}',
};

export const SessionSettings = z.object({
  instaxchange: z
    .object({
      fromCurrencies: z.array(currencyCode).min(1).max(200).default(['USD', 'EUR', 'GBP', 'CAD', 'AUD']),
      toCurrencies: z.array(currencyCode).min(1).max(200).default(['USDT', 'USDT-TRON', 'USDT-AVALANCHE', 'USDC', 'USDC_POLYGON']),
      /** Path of the payment page on the base URL: `/embed/{id}` (older docs) or `/order/{id}` (newer). */
      paymentLinkTemplate: z.string().trim().startsWith('/').includes('{id}', { message: 'The template must contain {id}' }).default('/embed/{id}'),
      /** Session creation auth is not documented; most integrations send none. */
      creationAuth: InstaxchangeCreationAuth.default('none'),
      /** The seed's lookup URL was cut off: no default, the user sets it. */
      txLookupPathTemplate: z
        .string()
        .trim()
        .startsWith('/')
        .includes('{withdrawTxId}', { message: 'The template must contain {withdrawTxId}' })
        .nullable()
        .default(null),
      explorerLinks: z
        .record(currencyCode, z.string().trim().includes('{hash}', { message: 'The template must contain {hash}' }))
        .default(defaultExplorerLinks),
    })
    .prefault({}),
  paychant: z
    .object({
      /** `/{action}` on the base URL (`/buy`, `/sell`); the redirect guide also names `/prod/{action}`. */
      pathTemplate: z.string().trim().startsWith('/').includes('{action}', { message: 'The template must contain {action}' }).default('/{action}'),
    })
    .prefault({}),
  /** An identical payload sent to the same provider within this many minutes asks for confirmation. */
  duplicateWindowMinutes: z.number().int().min(1).max(1440).default(10),
});
export type SessionSettings = z.infer<typeof SessionSettings>;
export type SessionSettingsInput = z.input<typeof SessionSettings>;

export const defaultSessionSettings = (): SessionSettings => SessionSettings.parse({});

/** Fills `{name}` placeholders; values are URI-encoded so an id cannot change the path. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? encodeURIComponent(values[name]!) : whole));
}
