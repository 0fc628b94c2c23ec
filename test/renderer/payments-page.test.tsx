// @vitest-environment happy-dom
/**
 * Issue 16.3: the Payments lookup opens a payment's timeline from any of its ids. A combobox:
 * the ids a text names or starts are offered as one types; arrows and Enter, or the mouse.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { hrefFor, navigate, parseRoute, useHash } from '../../src-renderer/app/router.js';
import { PaymentsPage } from '../../src-renderer/features/timeline/PaymentsPage.js';
import { keyToOpen, lookupKey, lookupNote, moveChoice } from '../../src-renderer/features/timeline/id-match.js';
import { keysOf } from '../../src-renderer/ui/shortcuts.js';
import type { IdLookupAnswer } from '../../src-renderer/features/timeline/id-match.js';
import type { DeliverySummary } from '../../src-shared/domain/delivery.js';
import { recentPayments } from '../../src-renderer/features/timeline/recent-payments.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const key = (value: string, kind = 'transactionRef') => ({ kind, value });
type Lookup = IdLookupAnswer;

const LOOKUPS: Record<string, Lookup> = {
  '7CMJS1Q9': { matchedKey: null, keyPrefix: { keys: [key('7CMJS1Q90GS79AA'), key('7CMJS1Q90GS79AB'), key('7CMJS1Q9ZZ', 'sessionId')], tooMany: false } },
  '7cmjs1q90gs79ab': { matchedKey: key('7CMJS1Q90GS79AB'), keyPrefix: { keys: [key('7CMJS1Q90GS79AB')], tooMany: false } },
  FILL00: { matchedKey: null, keyPrefix: { keys: [], tooMany: true } },
  // 90GS79 starts 90GS79ZZ and is inside the two others, listed after it.
  '90GS79': {
    matchedKey: null,
    keyPrefix: { keys: [key('90GS79ZZ'), key('7CMJS1Q90GS79AA'), key('pid-7cmjs1q90gs79ab', 'pid')], tooMany: false, containing: 2, moreContaining: false },
  },
  Q90GS7: { matchedKey: null, keyPrefix: { keys: [key('Q90GS7-1')], tooMany: false, containing: 0, moreContaining: true } },
};

function openPayments(q = '', latest: DeliverySummary[] = []) {
  const fake = fakeTransport({
    'deliveries.list': (input: { q?: string }) => ({
      items: input.q === undefined ? latest : [],
      total: 0,
      totalIsEstimate: false,
      nextCursor: null,
      ...(LOOKUPS[input.q ?? ''] ?? { matchedKey: null, keyPrefix: null }),
    }),
  });
  window.history.replaceState(null, '', hrefFor({ page: 'payments', q }));
  renderWith(fake.transport, <Routed />);
  return { fake, field: screen.getByRole('combobox', { name: 'Payment id' }) };
}

/** The page at its route, as App shows it: the field's text is the address's. */
function Routed() {
  const route = parseRoute(useHash());
  return route.page === 'payments' ? <PaymentsPage q={route.q} /> : <p>{route.page}</p>;
}

const backToPayments = (q: string) => act(() => navigate({ page: 'payments', q }));

const options = () => screen.queryAllByRole('option').map((o) => o.textContent);
const active = (field: HTMLElement) => {
  const id = field.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)!.textContent : null;
};

describe('the Payments lookup', () => {
  it('is a labelled combobox, focused on arrival, whose listbox offers the ids the text starts', async () => {
    const { field, fake } = openPayments();
    expect(screen.getByRole('heading', { name: 'Payments' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Payments' })).toBeTruthy();
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-expanded')).toBe('false');
    fireEvent.change(field, { target: { value: '7CMJS1Q9' } });
    await waitFor(() => expect(options()).toEqual(['7CMJS1Q90GS79AAtransactionRef', '7CMJS1Q90GS79ABtransactionRef', '7CMJS1Q9ZZsessionId']));
    expect(field.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('listbox', { name: 'Payment timelines' }).id).toBe(field.getAttribute('aria-controls'));
    // One call for the settled text, not one per keystroke.
    expect(fake.calls.filter((c) => (c.input as { q?: string }).q !== undefined)).toEqual([{ name: 'deliveries.list', input: { q: '7CMJS1Q9', limit: 1 } }]);
    // The address keeps what was asked, for coming back to it.
    expect(window.location.hash).toBe('#/payments?q=7CMJS1Q9');
  });

  it('moves through the ids with the arrows (past the last, back to the field) and opens the chosen one with Enter', async () => {
    const { field } = openPayments();
    fireEvent.change(field, { target: { value: '7CMJS1Q9' } });
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(active(field)).toBeNull();
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(active(field)).toBe('7CMJS1Q90GS79ABtransactionRef');
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(active(field)).toBeNull();
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(active(field)).toBe('7CMJS1Q9ZZsessionId');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(active(field)).toBeNull();
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.submit(field.closest('form')!);
    expect(window.location.hash).toBe('#/timeline/7CMJS1Q90GS79AA');
  });

  it('opens the key a text names in the case it is stored in, and a clicked id', async () => {
    const { field } = openPayments();
    fireEvent.change(field, { target: { value: '7cmjs1q90gs79ab' } });
    const exact = await screen.findByRole('option', { name: /7CMJS1Q90GS79AB/ });
    expect(within(exact).getByText('this id')).toBeTruthy();
    fireEvent.submit(field.closest('form')!);
    expect(window.location.hash).toBe('#/timeline/7CMJS1Q90GS79AB');
    backToPayments('7CMJS1Q9');
    await waitFor(() => expect(options()).toHaveLength(3));
    fireEvent.click(screen.getAllByRole('option')[2]!);
    expect(window.location.hash).toBe('#/timeline/7CMJS1Q9ZZ');
  });

  it('says why nothing is offered, and still opens the text as typed (a delivery id)', async () => {
    const { field } = openPayments('dlv_01JABCDEF');
    expect((field as HTMLInputElement).value).toBe('dlv_01JABCDEF');
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toMatch(/^No payment key is or contains “dlv_01JABCDEF”\. Press Enter to open its timeline as typed/));
    expect(within(status).getByRole('link', { name: 'Search the inbox for it' }).getAttribute('href')).toBe('#/inbox?q=dlv_01JABCDEF');
    expect(options()).toEqual([]);
    fireEvent.submit(field.closest('form')!);
    expect(window.location.hash).toBe('#/timeline/dlv_01JABCDEF');
  });

  it('offers the ids a word from their middle is inside of, after those it starts', async () => {
    const { field } = openPayments();
    fireEvent.change(field, { target: { value: '90GS79' } });
    await waitFor(() => expect(options()).toEqual(['90GS79ZZtransactionRef', '7CMJS1Q90GS79AAtransactionRef', 'pid-7cmjs1q90gs79abpid']));
    fireEvent.click(screen.getAllByRole('option')[2]!);
    expect(window.location.hash).toBe('#/timeline/pid-7cmjs1q90gs79ab');
    backToPayments('Q90GS7');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^More ids contain “Q90GS7” than can be listed: type more of it to see them\./));
    expect(options()).toEqual(['Q90GS7-1transactionRef']);
  });

  it('asks for more of an id that too many start with', async () => {
    const { field } = openPayments();
    fireEvent.change(field, { target: { value: 'FILL00' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^More than 50 ids start with “FILL00”: type more of it\./));
  });
});

const delivery = (id: string, reference: string | null, eventType: string, minutesAgo: number): DeliverySummary => ({
  id,
  provider: 'paychant',
  label: null,
  receivedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  method: 'POST',
  path: '/webhooks/paychant',
  size: 120,
  eventType,
  verification: 'valid',
  status: null,
  amount: null,
  reference,
  parseError: null,
  duplicateOf: null,
  rejected: null,
});

const LATEST = [
  delivery('dlv_3', '7CMJS1Q90GS79AB', 'PAYMENT_COMPLETED', 1),
  delivery('dlv_2', 'RTR5XK2Q8P1M', 'AWAITING_PAYMENT', 5),
  delivery('dlv_1', '7CMJS1Q90GS79AB', 'CREATED', 9),
  delivery('dlv_0', null, 'PING', 12),
];

describe('the Payments page before an id is typed', () => {
  it('lists the payments of the latest deliveries, newest first, each opening its timeline; typing hides them', async () => {
    const { field } = openPayments('', LATEST);
    const table = await screen.findByRole('table');
    expect(screen.getByRole('region', { name: 'Recently active payments' })).toBeTruthy();
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 4)
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['7CMJS1Q90GS79AB', 'paychant', 'PAYMENT_COMPLETED', '2'],
      ['RTR5XK2Q8P1M', 'paychant', 'AWAITING_PAYMENT', '1'],
    ]);
    expect(within(table).getByRole('link', { name: 'RTR5XK2Q8P1M' }).getAttribute('href')).toBe('#/timeline/RTR5XK2Q8P1M');
    fireEvent.change(field, { target: { value: '7C' } });
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('the lookup’s model', () => {
  it('reads the payments of the latest deliveries by their reference, at most as many as asked', () => {
    expect(recentPayments(LATEST, 1)).toEqual([
      { key: '7CMJS1Q90GS79AB', provider: 'paychant', lastEvent: 'PAYMENT_COMPLETED', lastAt: LATEST[0]!.receivedAt, deliveries: 2 },
    ]);
  });

  it('moves the choice through the options and the field, and opens the named key before the typed text', () => {
    expect([moveChoice(-1, 3, 'next'), moveChoice(2, 3, 'next'), moveChoice(-1, 3, 'previous'), moveChoice(0, 3, 'previous')]).toEqual([0, -1, 2, -1]);
    expect(moveChoice(-1, 0, 'next')).toBe(-1);
    // The keys are the shortcuts table's (the ? sheet lists them); Escape with none chosen is left to the page.
    const press = (key: string) => ({ key, ctrlKey: false, metaKey: false, altKey: false });
    for (const k of keysOf('lookup.next')) expect(lookupKey(press(k), 0, 3)).toBe(1);
    for (const k of keysOf('lookup.previous')) expect(lookupKey(press(k), 0, 3)).toBe(-1);
    for (const k of keysOf('lookup.clear')) expect([lookupKey(press(k), 1, 3), lookupKey(press(k), -1, 3)]).toEqual([-1, null]);
    expect(lookupKey(press('j'), 0, 3)).toBeNull();
    expect(keyToOpen(' abc ', null)).toBe('abc');
    expect(keyToOpen('abc', { matched: key('ABC'), starting: [], tooMany: false })).toBe('ABC');
    expect(keyToOpen('  ', null)).toBeNull();
    expect(lookupNote('ab1', null)).toMatch(/by 6 characters or more of them/);
    expect(lookupNote('two words', null)).toBe('An id is one word: no spaces.');
  });
});
