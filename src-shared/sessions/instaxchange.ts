/** InstaXchange payment session: fields of seed 000 and newer docs; rules about amountDirection. */
import { z } from 'zod';
import { decimalText, field } from './fields.js';

export const instaxchangeMethods = ['card', 'ideal', 'bancontact', 'apple-pay', 'google-pay', 'interac', 'pix', 'blik'] as const;

export const instaxchangeSessionPayload = z
  .object({
    accountRefId: field(z.string().min(1).max(200).optional(), {
      label: 'Account ref id',
      help: 'Your InstaXchange account reference. Optional in seed 000, mandatory in newer docs (most integrations send it instead of an auth header).',
    }),
    amountDirection: field(z.enum(['sending', 'receiving']), {
      label: 'Amount direction',
      help: "'sending': you fix fromAmount, toAmount is computed. 'receiving': you fix toAmount (e.g. exactly 10 USDT), fromAmount is computed.",
    }),
    fromAmount: field(decimalText().optional(), {
      label: 'From amount',
      help: "Required when amountDirection is 'sending' (leave empty for 'receiving': InstaXchange computes it).",
      input: 'decimal',
    }),
    toAmount: field(decimalText().optional(), {
      label: 'To amount',
      help: "Required when amountDirection is 'receiving' (leave empty for 'sending': InstaXchange computes it).",
      input: 'decimal',
    }),
    fromCurrency: field(z.string().min(1, 'Required'), {
      label: 'From currency',
      help: 'The currency the customer pays in. The list is editable under Settings → Sessions.',
      optionsFrom: 'instaxchange.fromCurrencies',
    }),
    toCurrency: field(z.string().min(1, 'Required'), {
      label: 'To currency',
      help: 'The crypto received (seed: USDT, USDT-TRON, USDT-AVALANCHE; newer docs add USDC, USDC_POLYGON). Editable under Settings → Sessions.',
      optionsFrom: 'instaxchange.toCurrencies',
    }),
    address: field(z.string().min(1).max(200).optional(), {
      label: 'Address',
      help: 'Blockchain address that receives the funds (mandatory in newer docs).',
    }),
    webhookRef: field(z.string().min(1).max(200).optional(), {
      label: 'Webhook ref',
      help: 'Your reference, sent back as `reference` in the webhook: it links the webhook to this session.',
    }),
    returnUrl: field(z.url({ protocol: /^https?$/ }).optional(), { label: 'Return URL', help: 'Where the customer returns after paying.', input: 'url' }),
    method: field(z.enum(instaxchangeMethods).optional(), { label: 'Payment method', help: 'Newer docs: preselects the payment method.' }),
    email: field(z.email().optional(), { label: 'Email', help: "Newer docs: the customer's email, prefilled.", input: 'email' }),
    firstName: field(z.string().min(1).max(200).optional(), { label: 'First name', help: 'Newer docs: prefilled on the payment page.' }),
    lastName: field(z.string().min(1).max(200).optional(), { label: 'Last name', help: 'Newer docs: prefilled on the payment page.' }),
    country: field(
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'Two letters, e.g. DE')
        .optional(),
      { label: 'Country', help: 'Newer docs: two-letter country code.' },
    ),
  })
  .superRefine((value, ctx) => {
    if (value.amountDirection === 'sending') {
      if (value.fromAmount === undefined) ctx.addIssue({ code: 'custom', path: ['fromAmount'], message: "Required when amountDirection is 'sending'" });
      if (value.toAmount !== undefined)
        ctx.addIssue({ code: 'custom', path: ['toAmount'], message: "Leave empty when amountDirection is 'sending': InstaXchange computes it" });
    } else {
      if (value.toAmount === undefined) ctx.addIssue({ code: 'custom', path: ['toAmount'], message: "Required when amountDirection is 'receiving'" });
      if (value.fromAmount !== undefined)
        ctx.addIssue({ code: 'custom', path: ['fromAmount'], message: "Leave empty when amountDirection is 'receiving': InstaXchange computes it" });
    }
  });
export type InstaxchangeSessionPayload = z.infer<typeof instaxchangeSessionPayload>;

/** The settings-dependent rule: currencies must be in the lists edited under Settings. */
export function checkInstaxchangeCurrencies(
  payload: Pick<InstaxchangeSessionPayload, 'fromCurrency' | 'toCurrency'>,
  lists: { fromCurrencies: readonly string[]; toCurrencies: readonly string[] },
): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (!lists.fromCurrencies.includes(payload.fromCurrency))
    issues.push({ path: 'fromCurrency', message: `Not in the list of from currencies (${lists.fromCurrencies.join(', ')}); edit it under Settings` });
  if (!lists.toCurrencies.includes(payload.toCurrency))
    issues.push({ path: 'toCurrency', message: `Not in the list of to currencies (${lists.toCurrencies.join(', ')}); edit it under Settings` });
  return issues;
}
