/**
 * Providers beyond the seeds, from their published API docs (../shared/providers.md): Calypso
 * invoice creation, OpenXSwitch instant swap, and Paychant's widget link (no server call).
 */
import { z } from 'zod';
import { decimalText, field } from './fields.js';

export const calypsoInvoicePayload = z
  .object({
    invoiceType: field(z.enum(['single', 'unlimited']), {
      label: 'Invoice type',
      help: 'single: one payment of a fixed amount (POST /api/v1/invoice/single/create); unlimited: any number of payments (…/unlimited/create).',
    }),
    account: field(z.string().trim().min(1, 'Required'), {
      label: 'Account',
      help: 'Your Calypso account id, sent at the top of the body beside the timestamp. Newer docs restrict it to 0x followed by 40 hex digits.',
    }),
    currency: field(z.string().trim().min(1, 'Required').max(40), { label: 'Currency', help: 'The invoice currency as Calypso names it, e.g. USDT_TRX.' }),
    amount: field(decimalText().optional(), {
      label: 'Amount',
      help: 'Required for a single invoice; sent as a JSON number with the digits as typed.',
      input: 'decimal',
    }),
    idempotencyKey: field(z.string().trim().min(1).max(200).optional(), {
      label: 'Idempotency key',
      help: 'Calypso refuses a repeated key (error 016). Generated when empty; it comes back in the invoice webhooks and links them to this session.',
    }),
    externalId: field(z.string().trim().min(1).max(200).optional(), { label: 'External id', help: 'Your own id for the invoice, returned in webhooks.' }),
  })
  .superRefine((value, ctx) => {
    if (value.invoiceType === 'single' && value.amount === undefined)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Required for a single invoice' });
  });
export type CalypsoInvoicePayload = z.infer<typeof calypsoInvoicePayload>;

export const openxswitchSwapPayload = z.object({
  walletId: field(z.string().trim().min(1, 'Required').max(200), { label: 'Wallet id', help: 'The wallet the swap runs in.' }),
  fromCoin: field(z.string().trim().min(1, 'Required').max(40), { label: 'From coin', help: 'e.g. USDT' }),
  fromAmount: field(decimalText(), { label: 'From amount', help: 'A string in the API schema: sent exactly as typed.', input: 'decimal' }),
  toCoin: field(z.string().trim().min(1, 'Required').max(40), { label: 'To coin', help: 'e.g. BTC' }),
  extId: field(z.string().trim().min(1).max(200).optional(), {
    label: 'External id',
    help: 'Your reference; comes back in the instant_swap.completed webhook.',
  }),
});
export type OpenxswitchSwapPayload = z.infer<typeof openxswitchSwapPayload>;

export const paychantWidgetPayload = z.object({
  action: field(z.enum(['buy', 'sell']), { label: 'Action', help: 'buy: fiat → crypto (on-ramp); sell: crypto → fiat.' }),
  listedAsset: field(z.string().trim().min(1).max(40).optional(), { label: 'Asset', help: 'Preselected asset, e.g. USDT.' }),
  fiatAmount: field(decimalText().optional(), { label: 'Fiat amount', help: 'Prefilled fiat amount.', input: 'decimal' }),
  assetAmount: field(decimalText().optional(), { label: 'Asset amount', help: 'Prefilled crypto amount.', input: 'decimal' }),
  partnerLogoUrl: field(z.url({ protocol: /^https$/ }).optional(), { label: 'Logo URL', help: 'Your logo on the widget (https).', input: 'url' }),
  partnerThemeColor: field(
    z
      .string()
      .regex(/^#?[0-9A-Fa-f]{6}$/, 'Six hex digits, e.g. 3b5bdb')
      .optional(),
    {
      label: 'Theme colour',
      help: 'Six hex digits.',
    },
  ),
});
export type PaychantWidgetPayload = z.infer<typeof paychantWidgetPayload>;
