import { describe, expect, it } from 'vitest';
import { activeViewId, describeFilter, hasFilter, nameProblem, suggestedName, viewFilterOf, viewHref } from '../../src-renderer/features/views/saved-views.js';
import type { SavedView } from '../../src-shared/contract/views.js';

const view = (id: string, name: string, filter: SavedView['filter']): SavedView => ({ id, name, filter, createdAt: '', updatedAt: '' });
const views = [view('viw_1', 'Forged Paychant', { provider: 'paychant', verification: 'invalid' }), view('viw_2', 'Search', { q: 'FRG7 order' })];

describe('saved views, the pure part', () => {
  it('takes the filter and its search text from the inbox route, not the selection or the retries toggle', () => {
    const params = new URLSearchParams('verification=invalid&provider=paychant&selected=dlv_1&retries=show&q=FRG7%20order&status=bogus&relay=retrying');
    expect(viewFilterOf(params)).toEqual({ provider: 'paychant', verification: 'invalid', q: 'FRG7 order', relay: 'retrying' });
  });

  it('links a view to the inbox with its filter, and knows which view is on screen whatever the order', () => {
    expect(viewHref(views[1]!)).toBe('#/inbox?q=FRG7+order');
    expect(activeViewId(views, new URLSearchParams('verification=invalid&provider=paychant&selected=dlv_3'))).toBe('viw_1');
    expect(activeViewId(views, new URLSearchParams('provider=paychant'))).toBeNull();
  });

  it('says a filter in words and suggests it as the name', () => {
    expect(describeFilter({ provider: 'instaxchange', status: 'failed', verification: 'no-secret', q: 'sess_19' })).toBe(
      'InstaXchange · failed · no secret set · “sess_19”',
    );
    expect(describeFilter({})).toBe('every delivery');
    expect(describeFilter({ provider: 'paychant', relay: 'failed' })).toBe('Paychant · relay failed');
    expect(suggestedName({ provider: 'paychant', verification: 'invalid' })).toBe('Paychant · signature invalid');
    expect(suggestedName({ q: 'x'.repeat(100) })).toHaveLength(60);
    expect(hasFilter({})).toBe(false);
    expect(hasFilter({ q: 'FRG7' })).toBe(true);
  });

  it('checks a name before sending it: needed, not too long, not taken whatever the case', () => {
    expect(nameProblem('  ', views)).toBe('A view needs a name.');
    expect(nameProblem('x'.repeat(81), views)).toBe('A view’s name has at most 80 characters.');
    expect(nameProblem('forged PAYCHANT ', views)).toBe('A view named “Forged Paychant” exists already: choose another name.');
    expect(nameProblem('Forged Instap', views)).toBeNull();
  });
});
