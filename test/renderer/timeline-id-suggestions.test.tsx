// @vitest-environment happy-dom
/**
 * Issue 16.3 on the timeline: keys are matched exactly there, so a key that finds nothing offers
 * the key it names in its stored case, or the ids it starts (README "Search").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { TimelinePage } from '../../src-renderer/features/timeline/TimelinePage.js';
import type { IdLookupAnswer } from '../../src-renderer/features/timeline/id-match.js';
import type { TimelineGetOutput } from '../../src-shared/contract/timeline.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(cleanup);

const empty = (key: string): TimelineGetOutput => ({ key, keys: [], steps: [], headline: null, flags: [], truncated: false, warnings: [] });
const key = (value: string, kind = 'transactionRef') => ({ kind, value });

function openTimeline(correlationKey: string, lookup: IdLookupAnswer) {
  const fake = fakeTransport({
    'timeline.get': ({ key }) => empty(key),
    'deliveries.list': () => ({ items: [], total: 0, totalIsEstimate: false, nextCursor: null, ...lookup }),
  });
  renderWith(fake.transport, <TimelinePage correlationKey={correlationKey} />);
  return fake;
}

const suggested = async () => {
  const nav = await screen.findByRole('navigation', { name: 'Payment timelines this key may mean' });
  return {
    nav,
    links: within(nav)
      .getAllByRole('link')
      .map((a) => [a.textContent, a.getAttribute('href')]),
  };
};

describe('an empty timeline’s suggestions', () => {
  it('offers the key its text names in the case it is stored in', async () => {
    const fake = openTimeline('7cmjs1q90gs79ab', { matchedKey: key('7CMJS1Q90GS79AB'), keyPrefix: { keys: [key('7CMJS1Q90GS79AB')], tooMany: false } });
    const { nav, links } = await suggested();
    expect(nav.textContent).toMatch(/^Keys are matched exactly; did you mean:/);
    expect(links).toEqual([['7CMJS1Q90GS79AB', '#/timeline/7CMJS1Q90GS79AB']]);
    expect(fake.calls.find((c) => c.name === 'deliveries.list')!.input).toEqual({ q: '7cmjs1q90gs79ab', limit: 1 });
  });

  it('offers the ids a prefix starts, eight of them, and the rest in the Payments lookup', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => key(`FILL00${i}Q9GS7`));
    openTimeline('FILL00', { matchedKey: null, keyPrefix: { keys, tooMany: false } });
    const { nav, links } = await suggested();
    expect(nav.textContent).toMatch(/^Ids that start with “FILL00”:/);
    expect(links).toHaveLength(9);
    expect(links[0]).toEqual(['FILL000Q9GS7', '#/timeline/FILL000Q9GS7']);
    expect(links.at(-1)).toEqual(['and 2 more in Payments', '#/payments?q=FILL00']);
  });

  it('offers nothing for an id nothing starts', async () => {
    const fake = openTimeline('nope-123', { matchedKey: null, keyPrefix: { keys: [], tooMany: false } });
    await screen.findByText(/No delivery, session or replay mentions/);
    await waitFor(() => expect(fake.calls.map((c) => c.name)).toContain('deliveries.list'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
