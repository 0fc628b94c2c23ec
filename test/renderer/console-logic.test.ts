import { describe, expect, it } from 'vitest';
import { curlCommand, shellQuote } from '../../src-renderer/features/delivery/curl.js';
import { deliveryExport } from '../../src-renderer/features/delivery/export.js';
import { maskParty, maskIfParty } from '../../src-renderer/ui/mask.js';
import { chartModel } from '../../src-renderer/features/dashboard/chart-model.js';
import { filtersFromParams, paramsFromFilters } from '../../src-renderer/features/inbox/useDeliveries.js';
import { fromLocalInput, toLocalInput } from '../../src-renderer/features/inbox/time-range.js';
import { formatGap } from '../../src-renderer/features/timeline/timeline-words.js';
import { verificationHeadline } from '../../src-renderer/features/delivery/verification-words.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';

describe('copy as cURL', () => {
  const delivery = {
    method: 'POST',
    path: '/webhooks/paychant/eu',
    query: 'a=1',
    headers: [
      ['Host', 'abc.ngrok-free.app'],
      ['Content-Type', 'application/json'],
      ['Content-Length', '31'],
      ['paychant-signature', 'ab12cd'],
      ['X-Forwarded-For', '203.0.113.9'],
    ] as Array<[string, string]>,
    body: `{"name":"O'Brien","amount":170.00}`,
    bodyBase64: '',
  };

  it('sends the provider headers (signature included) and the exact body, never the hop headers', () => {
    const command = curlCommand(delivery, 'http://127.0.0.1:8787/');
    expect(command).toContain(`curl -X POST 'http://127.0.0.1:8787/webhooks/paychant/eu?a=1'`);
    expect(command).toContain(`-H 'paychant-signature: ab12cd'`);
    expect(command).toContain(`-H 'Content-Type: application/json'`);
    expect(command).not.toMatch(/Host:|Content-Length|X-Forwarded-For/);
    expect(command).toContain(`--data-binary '{"name":"O'\\''Brien","amount":170.00}'`);
  });

  it('pipes a body that is not UTF-8 through printf, byte for byte', () => {
    const command = curlCommand({ ...delivery, body: null, bodyBase64: btoa(String.fromCharCode(0x7b, 0xff, 0x27)) }, 'http://x');
    expect(command.startsWith(`printf '%b' '\\x7b\\xff\\x27' | curl -X POST`)).toBe(true);
    expect(command.endsWith('--data-binary @-')).toBe(true);
  });

  it('quotes for a POSIX shell', () => {
    expect(shellQuote(`it's $HOME`)).toBe(`'it'\\''s $HOME'`);
  });
});

describe('export', () => {
  it('keeps the body text as a string, so its numbers are not re-printed', () => {
    const text = deliveryExport({ id: 'dlv_1', headers: [] as Array<[string, string]>, body: '{"amount":170.00}', bodyBase64: 'e30=' } as DeliveryDetail);
    const parsed = JSON.parse(text);
    expect(parsed.format).toBe('gatewatch.delivery/1');
    expect(parsed.delivery.body).toBe('{"amount":170.00}');
  });
});

describe('masking parties in lists', () => {
  it('masks emails and wallets, and leaves ordinary references alone', () => {
    expect(maskParty('email', 'jane.doe@example.com')).toBe('j***@example.com');
    expect(maskParty('wallet', '0xCd96602dBbeE307a1d50cb074C294847aB4702FB')).toBe('0xCd96…02FB');
    expect(maskParty('user', 'user-4411')).toBe('use…11');
    expect(maskParty('name', 'Jane Doe')).toBe('J. D.');
    expect(maskIfParty('jane@example.com')).toBe('j***@example.com');
    expect(maskIfParty('TL-REF-1')).toBe('TL-REF-1');
    expect(maskIfParty('0xCd96602dBbeE307a1d50cb074C294847aB4702FB')).toBe('0xCd96…02FB');
  });
});

describe('chart model', () => {
  it('stacks every column in one series order and rounds the axis up', () => {
    const model = chartModel(
      [
        { start: 'a', total: 3, byProvider: { paychant: 1, calypso: 2 }, byStatus: {} },
        { start: 'b', total: 7, byProvider: { paychant: 7 }, byStatus: {} },
      ],
      'byProvider',
    );
    expect(model.series).toEqual(['paychant', 'calypso']);
    expect(model.columns[0]!.segments).toEqual([
      { series: 'paychant', y0: 0, y1: 1 },
      { series: 'calypso', y0: 1, y1: 3 },
    ]);
    expect(model.yMax).toBe(10);
    expect(chartModel([], 'byStatus')).toMatchObject({ series: [], yMax: 1 });
  });
});

describe('inbox filters in the route', () => {
  it('round-trips the filters and drops values the API would reject', () => {
    const params = new URLSearchParams('provider=paychant&status=completed&eventType=PAYMENT_COMPLETED&since=2026-11-05T12:00:00.000Z&bogus=1');
    const filters = filtersFromParams(params);
    expect(filters).toEqual({ provider: 'paychant', status: 'completed', eventType: 'PAYMENT_COMPLETED', since: '2026-11-05T12:00:00.000Z' });
    expect(paramsFromFilters(filters).toString()).toBe('provider=paychant&eventType=PAYMENT_COMPLETED&status=completed&since=2026-11-05T12%3A00%3A00.000Z');
    expect(filtersFromParams(new URLSearchParams('status=nearly&since=yesterday&provider=stripe'))).toEqual({});
  });

  it('converts datetime-local values to and from ISO', () => {
    const iso = fromLocalInput('2026-11-05T12:30')!;
    expect(toLocalInput(iso)).toBe('2026-11-05T12:30');
    expect(fromLocalInput('')).toBeUndefined();
  });
});

describe('words', () => {
  it('formats gaps and headlines', () => {
    expect([formatGap(4_000), formatGap(720_000), formatGap(11_100_000), formatGap(187_200_000)]).toEqual(['4 s', '12 min', '3 h 5 min', '2 d 4 h']);
    expect(
      verificationHeadline({ status: 'invalid', candidatesTried: [], scheme: { header: 'Sign', algorithm: '', encoding: '', signedContent: '' } }),
    ).toContain('the Sign header does not match');
  });
});
