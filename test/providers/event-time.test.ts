/**
 * Issue 13.11: the provider's own event time, kept as received beside the parsed instant.
 * Seeds: InstaXchange `createdAt` (ISO), Calypso `createdDate` (ISO without a zone), Paychant
 * `date` `30/03/2023 - 01:46:02`, Instap `date` (epoch, providers.md), OpenXSwitch `params.ts`
 * ("likely in milliseconds since epoch") and `params.createdAt`.
 */
import { describe, expect, it } from 'vitest';
import { providerAdapters } from '../../src-main/providers/registry.js';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import { delivery } from './helpers.js';
import { calypsoInvoiceCreated, instapDeposit, instaxchangeCompleted, openxswitchSwap, paychantEvent } from './fixtures.js';

const eventTime = (provider: ProviderId, body: string) => {
  const adapter = providerAdapters[provider];
  return adapter.normalize(adapter.parse(delivery(body))).eventTime;
};

describe('provider event times', () => {
  it('InstaXchange: the webhook createdAt', () => {
    expect(eventTime('instaxchange', instaxchangeCompleted)).toEqual({
      field: 'createdAt',
      received: '2024-05-22T19:59:05.913Z',
      at: '2024-05-22T19:59:05.913Z',
    });
  });

  it("Paychant: data.date as '30/03/2023 - 01:46:02' (no zone stated: read as UTC, and said so)", () => {
    const time = eventTime('paychant', JSON.stringify(paychantEvent));
    expect(time).toMatchObject({ field: 'data.date', received: '30/03/2023 - 01:46:02', at: '2023-03-30T01:46:02.000Z' });
    expect(time?.note).toMatch(/UTC/);
  });

  it('Instap: date in epoch milliseconds, kept as the number text', () => {
    expect(eventTime('instap', instapDeposit)).toMatchObject({ field: 'date', received: '1716407945000', at: '2024-05-22T19:59:05.000Z' });
  });

  it('Calypso: createdDate without a zone, microseconds kept in the text', () => {
    const time = eventTime('calypso', calypsoInvoiceCreated);
    expect(time).toMatchObject({ field: 'createdDate', received: '2022-03-15T12:13:05.909616', at: '2022-03-15T12:13:05.909Z' });
    expect(time?.note).toMatch(/UTC/);
  });

  it('OpenXSwitch: params.ts (epoch milliseconds as a string)', () => {
    expect(eventTime('openxswitch', openxswitchSwap)).toMatchObject({ field: 'params.ts', received: '1746918883356', at: '2025-05-10T23:14:43.356Z' });
  });

  it('keeps a time it cannot read, with no instant', () => {
    const odd = JSON.stringify({ ...paychantEvent, data: { ...paychantEvent.data, date: 'yesterday, around noon' } });
    expect(eventTime('paychant', odd)).toMatchObject({ field: 'data.date', received: 'yesterday, around noon', at: null });
    const impossible = JSON.stringify({ ...paychantEvent, data: { ...paychantEvent.data, date: '31/02/2023 - 01:46:02' } });
    expect(eventTime('paychant', impossible)).toMatchObject({ at: null });
  });

  it('is absent when the event carries no time', () => {
    expect(eventTime('paychant', JSON.stringify({ event: 'CREATED', data: { pid: '1' } }))).toBeNull();
  });
});
