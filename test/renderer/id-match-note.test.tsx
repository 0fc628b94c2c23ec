// @vitest-environment happy-dom
/**
 * Issue 16.3 in the inbox: a search for an id names the key(s) it matched (README "Search"), with
 * "Open payment timeline" when the text is a key, whatever case it was typed in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import { InboxPage } from '../../src-renderer/features/inbox/InboxPage.js';
import type { IdLookupAnswer } from '../../src-renderer/features/timeline/id-match.js';
import type { DeliverySummary } from '../../src-shared/domain/delivery.js';
import { fakeTransport } from './fake-transport.js';

afterEach(cleanup);

const summary = (id: string, reference: string): DeliverySummary => ({
  id,
  provider: 'paychant',
  label: null,
  receivedAt: new Date().toISOString(),
  method: 'POST',
  path: '/webhooks/paychant',
  size: 120,
  eventType: 'PAYMENT_COMPLETED',
  verification: 'valid',
  status: 'completed',
  amount: { value: '170.00', currency: 'NGN' },
  reference,
  parseError: null,
  duplicateOf: null,
  rejected: null,
});

const key = (value: string, kind = 'transactionRef') => ({ kind, value });
type Lookup = IdLookupAnswer;

/** The inbox searched for `q`; deliveries.list answers the lookup each text is given here (words: none). */
function searchInbox(q: string, lookups: Record<string, Lookup | Promise<Lookup>>) {
  const fake = fakeTransport({
    'deliveries.list': async (input: { q?: string }) => ({
      items: [summary('dlv_1', '7CMJS1Q90GS79AB')],
      total: 1,
      totalIsEstimate: false,
      nextCursor: null,
      ...((await lookups[input.q ?? '']) ?? { matchedKey: null, keyPrefix: null }),
    }),
  });
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const page = (text: string) => (
    <QueryClientProvider client={client}>
      <TransportProvider transport={fake.transport}>
        <InboxPage params={new URLSearchParams({ q: text })} />
      </TransportProvider>
    </QueryClientProvider>
  );
  const view = render(page(q));
  return { fake, searchFor: (text: string) => view.rerender(page(text)) };
}

const note = () => screen.getByTestId('id-match');
const links = () =>
  within(note())
    .queryAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);

describe('the inbox’s note on a search for an id', () => {
  it('names the id a prefix starts, each a link to its payment timeline', async () => {
    searchInbox('7cmjs1q9', { '7cmjs1q9': { matchedKey: null, keyPrefix: { keys: [key('7CMJS1Q90GS79AB')], tooMany: false } } });
    await waitFor(() => expect(note().textContent).toBe('1 id starts with 7cmjs1q9:7CMJS1Q90GS79AB transactionRef'));
    expect(note().getAttribute('role')).toBe('status');
    // Each link carries the inbox view (its search), which the timeline's "← Inbox" goes back to.
    expect(links()).toEqual([['7CMJS1Q90GS79AB', '#/timeline/7CMJS1Q90GS79AB?q=7cmjs1q9']]);
    expect(within(note()).queryByRole('link', { name: 'Open payment timeline' })).toBeNull();
  });

  it('offers “Open payment timeline” when the text is a key, in the case the key is stored in, and names the others it starts', async () => {
    searchInbox('7cmjs1q90gs79ab', {
      '7cmjs1q90gs79ab': {
        matchedKey: key('7CMJS1Q90GS79AB'),
        keyPrefix: { keys: [key('7CMJS1Q90GS79AB'), key('7CMJS1Q90GS79AB-2', 'pid')], tooMany: false },
      },
    });
    const open = await screen.findByRole('link', { name: 'Open payment timeline' });
    expect(open.getAttribute('href')).toBe('#/timeline/7CMJS1Q90GS79AB?q=7cmjs1q90gs79ab');
    expect(note().textContent).toContain('7CMJS1Q90GS79AB is a payment’s transactionRef.');
    expect(note().textContent).toContain('Also listed: 1 other id that starts with 7cmjs1q90gs79ab:');
    expect(links()).toEqual([
      ['Open payment timeline', '#/timeline/7CMJS1Q90GS79AB?q=7cmjs1q90gs79ab'],
      ['7CMJS1Q90GS79AB-2', '#/timeline/7CMJS1Q90GS79AB-2?q=7cmjs1q90gs79ab'],
    ]);
  });

  it('names three ids and links the rest to the Payments lookup; says when too many ids start with the text', async () => {
    const keys = ['FILL000Q9GS7', 'FILL001Q9GS7', 'FILL002Q9GS7', 'FILL003Q9GS7', 'FILL004Q9GS7'].map((v) => key(v));
    const { searchFor } = searchInbox('FILL00', {
      FILL00: { matchedKey: null, keyPrefix: { keys, tooMany: false } },
      FILL: { matchedKey: null, keyPrefix: { keys: [], tooMany: true } },
    });
    await waitFor(() => expect(links()).toHaveLength(4));
    expect(note().textContent).toMatch(/^5 ids start with FILL00:/);
    expect(links().at(-1)).toEqual(['and 2 more', '#/payments?q=FILL00']);
    searchFor('FILL');
    await waitFor(() => expect(note().textContent).toBe('More than 50 ids start with FILL: type more of one to list its deliveries.'));
  });

  it('says "contain" when ids hold the text further in, and when more do than can be listed', async () => {
    const { searchFor } = searchInbox('1Q90GS79', {
      '1Q90GS79': {
        matchedKey: null,
        keyPrefix: { keys: [key('1Q90GS79-X'), key('7CMJS1Q90GS79AB')], tooMany: false, containing: 1, moreContaining: false },
      },
      Q90GS7: { matchedKey: null, keyPrefix: { keys: [], tooMany: false, containing: 0, moreContaining: true } },
    });
    await waitFor(() => expect(note().textContent).toBe('2 ids contain 1Q90GS79:1Q90GS79-X transactionRef7CMJS1Q90GS79AB transactionRef'));
    expect(links().map(([, href]) => href)).toEqual(['#/timeline/1Q90GS79-X?q=1Q90GS79', '#/timeline/7CMJS1Q90GS79AB?q=1Q90GS79']);
    searchFor('Q90GS7');
    await waitFor(() => expect(note().textContent).toBe('More ids contain “Q90GS7” than can be listed: type more of it to see them.'));
  });

  it('says nothing for words, nor the previous search’s ids while the next search loads', async () => {
    let answer!: (lookup: Lookup) => void;
    const { searchFor } = searchInbox('7CMJS1Q90GS79AB', {
      '7CMJS1Q90GS79AB': { matchedKey: key('7CMJS1Q90GS79AB'), keyPrefix: { keys: [key('7CMJS1Q90GS79AB')], tooMany: false } },
      UNS9Q2X7: new Promise<Lookup>((resolve) => (answer = resolve)),
    });
    await screen.findByRole('link', { name: 'Open payment timeline' });
    searchFor('UNS9Q2X7');
    await waitFor(() => expect(note().textContent).toBe(''));
    answer({ matchedKey: key('UNS9Q2X7'), keyPrefix: { keys: [key('UNS9Q2X7')], tooMany: false } });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Open payment timeline' }).getAttribute('href')).toBe('#/timeline/UNS9Q2X7?q=UNS9Q2X7'));
    searchFor('bank transfer');
    await waitFor(() => expect(note().textContent).toBe(''));
    // The live region stays in place (empty), so that what the next search finds is announced.
    expect(note().getAttribute('role')).toBe('status');
  });
});
