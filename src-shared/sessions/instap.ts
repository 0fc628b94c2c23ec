/** Instap (`pgpub`) deposit tracking session and mock deposit: rules and help from seed 001. */
import { z } from 'zod';
import { decimalText, field } from './fields.js';
import { compareDecimal } from './decimal.js';

export const instapFiatCurrencies = ['USD', 'EUR', 'GBP', 'KRW', 'BRL', 'TRY'] as const;
/** Mock deposit currencies; notifications write TRX as TRON, so both spellings are accepted. */
export const instapMockCurrencies = ['BTC', 'LTC', 'USDT_TRON', 'DOGE', 'XRP', 'TRX', 'TRON', 'ETH'] as const;
export const INSTAP_DEFAULT_MIN_USD = '10';
export const INSTAP_DEFAULT_MAX_USD = '5000';

const text4000 = () => z.string().min(1, 'Required: 1 to 4000 characters').max(4000, 'At most 4000 characters');

export const instapSessionPayload = z
  .object({
    userId: field(text4000(), {
      label: 'User id',
      help: "Your user's unique id (1–4000 characters). Instap tracks deposit events and tells sessions apart by it; it must be unique within your system.",
    }),
    userName: field(text4000(), { label: 'User name', help: 'For display only (1–4000 characters); not used to track deposits.' }),
    userNameSurname: field(text4000().optional(), { label: 'Name and surname', help: 'For display only (1–4000 characters).' }),
    userEmail: field(text4000().optional(), { label: 'User email', help: 'For display only (1–4000 characters).', input: 'email' }),
    minPaymentAmountInUSD: field(decimalText().optional(), {
      label: 'Minimum payment (USD)',
      help: 'Sets whether a deposit is underpaid, correct or overpaid. Not below zero, not above the maximum. Instap uses 10 USD when left empty.',
      input: 'decimal',
      placeholder: INSTAP_DEFAULT_MIN_USD,
    }),
    maxPaymentAmountInUSD: field(decimalText().optional(), {
      label: 'Maximum payment (USD)',
      help: 'Not below zero, not below the minimum. Instap uses 5000 USD when left empty.',
      input: 'decimal',
      placeholder: INSTAP_DEFAULT_MAX_USD,
    }),
    sessionDefaultFiatCurrency: field(z.enum(instapFiatCurrencies).optional(), {
      label: 'Default fiat currency',
      help: 'The checkout page starts in this currency (USD when empty); the user can change it there.',
    }),
    sessionDefaultLanguage: field(
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'Two letters, e.g. en')
        .optional(),
      {
        label: 'Default language',
        help: "Two letters, e.g. en. The checkout page opens in this language; Instap's default otherwise.",
        placeholder: 'en',
      },
    ),
    redirectUrl: field(z.url({ protocol: /^https?$/ }).optional(), {
      label: 'Redirect URL',
      help: 'Where the user is sent when the deposit tracking session completes.',
      input: 'url',
    }),
  })
  .superRefine((value, ctx) => {
    // Instap's defaults take part in the check: a minimum of 6000 alone is above the default maximum.
    const min = value.minPaymentAmountInUSD ?? INSTAP_DEFAULT_MIN_USD;
    const max = value.maxPaymentAmountInUSD ?? INSTAP_DEFAULT_MAX_USD;
    if (compareDecimal(min, max) > 0) {
      const path = value.minPaymentAmountInUSD !== undefined ? 'minPaymentAmountInUSD' : 'maxPaymentAmountInUSD';
      ctx.addIssue({ code: 'custom', path: [path], message: `The minimum (${min} USD) is above the maximum (${max} USD)` });
    }
  });
export type InstapSessionPayload = z.infer<typeof instapSessionPayload>;

export const instapMockDepositFields = {
  blockChainCurrency: field(z.enum(instapMockCurrencies), {
    label: 'Currency',
    help: 'The test hook accepts BTC, LTC, USDT_TRON, DOGE, XRP, TRX (notifications say TRON) and ETH.',
  }),
  blockChainAmount: field(decimalText(), {
    label: 'Amount',
    help: 'Instap forces the notified amount to zero for test deposits.',
    input: 'decimal',
    placeholder: '0.001',
  }),
};
export const instapMockDeposit = z.object(instapMockDepositFields);
