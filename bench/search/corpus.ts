/**
 * Delivery templates for the search benchmark, built from the seed payload shapes the provider
 * tests use. Each template is run once through the real pipeline (parse, verify, normalize,
 * correlate); seeding then stamps a unique id into every copy by replacing sentinels in the body
 * and in every derived column, which is what makes seeding a million rows fast.
 */
import { createHash } from 'node:crypto';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { deriveDelivery } from '../../src-main/pipeline/derive.js';
import type { DerivedFields, StoredDelivery } from '../../src-main/store/types.js';
import type { WebhookSecret } from '../../src-main/providers/types.js';
import { instapDeposit, instaxchangeCompleted, instaxchangeFailed, openxswitchSwap, paychantEvent } from '../../test/providers/fixtures.js';
import { calypsoEnvelope, calypsoEventData } from '../../test/providers/calypso-events.js';

/** Sentinels replaced per copy: two string ids and two numeric ids (some of Calypso's ids are numbers). */
export const SENTINEL = /SEEDX|SEEDY|987650321|987650322/g;

export function uniqueValues(n: number): Record<string, string> {
  const b36 = n.toString(36);
  return { SEEDX: `x${b36}q`, SEEDY: `y${b36}k`, '987650321': String(1_000_000_000 + n), '987650322': String(3_000_000_000 + n) };
}

export interface DeliveryTemplate {
  provider: ProviderId;
  /** Column values with sentinels still in them; `stamp` fills them in per copy. */
  body: string;
  headers: string;
  derived: DerivedFields;
  /** JSON columns precomputed once. */
  verificationJson: string;
  normalizedJson: string | null;
  schemaIssuesJson: string;
  /** How often this template appears, relative to the others. */
  weight: number;
}

const replaceAll = (text: string, swap: (token: string) => string): string => text.replace(SENTINEL, swap);

function rawTemplates(): Array<{ provider: ProviderId; body: string; weight: number }> {
  const paychant = (event: string, method: string) =>
    JSON.stringify({
      ...paychantEvent,
      event,
      data: { ...paychantEvent.data, pid: 'SEEDX', transactionRef: 'SEEDY', paymentMethod: method },
    });
  const instaxchange = (body: string) =>
    body
      .replace(/c5f1e7a2-9b3d-4e21-8a6f-2d4b9e0c7a11|"transactionId": "\*+"/, (m) => (m.startsWith('"') ? '"transactionId": "SEEDX"' : 'SEEDX'))
      .replaceAll('order-10042', 'order-SEEDY')
      .replace(/sess_[0-9a-f]+/, 'sess_SEEDX')
      .replace(/dep_4c2a91f0/, 'dep_SEEDY')
      .replace('wd_77e1b3c9', 'wd_SEEDY')
      .replace('"wdId":"123"', '"wdId":"w-SEEDX"')
      .replace('INV-88231', 'INV-SEEDY');
  const instap = (status: string) =>
    instapDeposit
      .replace('9f2c4e1ab7d3508e6c1f0a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d', 'SEEDX')
      .replace('user-4411', 'user-SEEDY')
      .replace('OP7Q2X9K4M1Z', 'OPSEEDX')
      .replace('"paymentStatus":"correct"', `"paymentStatus":"${status}"`);
  const openx = (method: string) =>
    openxswitchSwap
      .replace('ab67d4be56d4d549f59b92a17fd71b', 'SEEDX')
      .replace('68180c09b19304fc881991c2', 'SEEDY')
      .replace('1305237885725507584', 'q-SEEDX')
      .replace('instant_swap.completed', method);
  const calypso = (type: string) => {
    const data: Record<string, unknown> = { ...calypsoEventData[type]!, idempotencyKey: 'SEEDY', externalId: 'order-SEEDX' };
    if ('parentExternalId' in data) data.parentExternalId = 987650322;
    if ('transactionHash' in data) data.transactionHash = '0xSEEDX';
    if ('transactionId' in data) data.transactionId = ['tx-SEEDY'];
    if ('dealWithdrawalId' in data) data.dealWithdrawalId = 'dw-SEEDY';
    return calypsoEnvelope(type, data, 987650321);
  };
  return [
    { provider: 'paychant', body: paychant('PAYMENT_COMPLETED', 'Bank Transfer'), weight: 5 },
    { provider: 'paychant', body: paychant('AWAITING_PAYMENT', 'Bank Transfer'), weight: 3 },
    { provider: 'paychant', body: paychant('PAYMENT_FAILED', 'Card'), weight: 1 },
    { provider: 'instaxchange', body: instaxchange(instaxchangeCompleted), weight: 6 },
    { provider: 'instaxchange', body: instaxchange(instaxchangeFailed), weight: 2 },
    { provider: 'instap', body: instap('correct'), weight: 6 },
    { provider: 'instap', body: instap('underpaid'), weight: 1 },
    { provider: 'openxswitch', body: openx('instant_swap.completed'), weight: 4 },
    { provider: 'openxswitch', body: openx('deposit.pending'), weight: 2 },
    { provider: 'openxswitch', body: openx('deposit.success'), weight: 2 },
    { provider: 'calypso', body: calypso('INVOICE_FUNDS_RECEIVED_FOR_INVOICE'), weight: 3 },
    { provider: 'calypso', body: calypso('INVOICE_CREATE_INVOICE'), weight: 2 },
    { provider: 'calypso', body: calypso('INVOICE_EXPIRED'), weight: 1 },
    { provider: 'calypso', body: calypso('PAYOUT_VALIDATION_ERROR'), weight: 1 },
  ];
}

const SECRET: WebhookSecret = { label: 'bench', value: 'bench-webhook-secret-0123456789', key: 'bench-public-key' };

/**
 * Every template, each in three verification variants: signed with the configured secret,
 * signed with another one (invalid), and no secret configured. The stored signature header is
 * the template's; copies differ in their ids, which is fine for timing queries.
 */
export async function buildTemplates(): Promise<DeliveryTemplate[]> {
  const templates: DeliveryTemplate[] = [];
  for (const raw of rawTemplates()) {
    const adapter = providerAdapters[raw.provider];
    const bodyBytes = Buffer.from(raw.body, 'utf8');
    const variants: Array<{ sign: WebhookSecret | null; secrets: WebhookSecret[]; weight: number }> = [
      { sign: SECRET, secrets: [SECRET], weight: 7 },
      { sign: { ...SECRET, value: 'another-secret-entirely' }, secrets: [SECRET], weight: 1 },
      { sign: SECRET, secrets: [], weight: 2 },
    ];
    for (const variant of variants) {
      const headers: Array<[string, string]> = [
        ['Host', 'hooks.example.ngrok-free.app'],
        ['User-Agent', `${raw.provider}-webhooks/2.1`],
        ['Content-Type', 'application/json'],
        ['Content-Length', String(bodyBytes.byteLength)],
        ['X-Forwarded-For', '203.0.113.7'],
      ];
      if (variant.sign) headers.push(...Object.entries(adapter.signWebhook(bodyBytes, variant.sign)));
      const stored: StoredDelivery = {
        seq: 0,
        id: 'dlv_template',
        provider: raw.provider,
        label: null,
        receivedAt: new Date(0).toISOString(),
        method: 'POST',
        path: `/webhooks/${raw.provider}`,
        query: '',
        headers,
        body: bodyBytes,
        size: bodyBytes.byteLength,
        bodySha256: createHash('sha256').update(bodyBytes).digest('hex'),
        remoteAddress: '127.0.0.1',
        forwarded: null,
        rejected: null,
        derived: null,
        duplicateOf: null,
      };
      const derived = await deriveDelivery(stored, {
        adapterFor: (p) => (p === 'unknown' ? undefined : providerAdapters[p]),
        webhookSecrets: async () => variant.secrets,
      });
      templates.push({
        provider: raw.provider,
        body: raw.body,
        headers: JSON.stringify(headers),
        derived,
        verificationJson: JSON.stringify(derived.verification),
        normalizedJson: derived.normalized ? JSON.stringify(derived.normalized) : null,
        schemaIssuesJson: JSON.stringify(derived.schemaIssues),
        weight: raw.weight * variant.weight,
      });
    }
  }
  return templates;
}

/** Deterministic template choice by weight, so the 10k and 1M stores have the same mix. */
export function templatePicker(templates: readonly DeliveryTemplate[]): (n: number) => DeliveryTemplate {
  const table: DeliveryTemplate[] = [];
  for (const t of templates) for (let i = 0; i < t.weight; i++) table.push(t);
  // A multiplicative hash spreads neighbouring rows over the templates.
  return (n) => table[(Math.imul(n, 2654435761) >>> 0) % table.length]!;
}

export { replaceAll as stampSentinels };
