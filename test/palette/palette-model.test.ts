import { describe, expect, it } from 'vitest';
import { matchScore, rank } from '../../src-renderer/features/palette/palette-match.js';
import { looksLikeId, paletteItems, paletteOptions, searchItem, timelineItem } from '../../src-renderer/features/palette/palette-items.js';
import { parseRoute } from '../../src-renderer/app/router.js';
import type { SavedView } from '../../src-shared/contract/views.js';

const views: SavedView[] = [
  { id: 'viw_1', name: 'Forged Paychant', filter: { provider: 'paychant', verification: 'invalid' }, createdAt: '', updatedAt: '' },
  { id: 'viw_2', name: 'Stuck payments', filter: { status: 'pending', q: 'FRG7' }, createdAt: '', updatedAt: '' },
];

describe('palette matching', () => {
  it('matches the typed characters in order, ignoring case and accents, word starts first', () => {
    expect(matchScore('fp', 'Forged Paychant')).not.toBeNull();
    expect(matchScore('pf', 'Forged Paychant')).toBeNull();
    expect(matchScore('resume', 'Résumé')).not.toBeNull();
    const labels = ['Unsigned replays', 'Forged Paychant', 'Replay…', 'Settings'];
    expect(rank('fp', labels, (l) => l)).toEqual(['Forged Paychant']);
    expect(rank('rep', labels, (l) => l)[0]).toBe('Replay…');
    expect(rank('set', labels, (l) => l)).toEqual(['Settings']);
    expect(rank('', labels, (l) => l)).toEqual(labels);
  });

  it('finds a view by its filter in words too, after every label match', () => {
    const items = paletteItems({ route: parseRoute('#/dashboard'), views, canCopyLink: true });
    const found = rank(
      'frg7',
      items,
      (i) => i.label,
      (i) => i.detail,
    );
    expect(found.map((i) => i.label)).toEqual(['Stuck payments']);
  });
});

describe('palette items', () => {
  it('offers the pages, the saved views as inbox links, copying the link and the shortcuts', () => {
    const items = paletteItems({ route: parseRoute('#/dashboard'), views, canCopyLink: true });
    expect(items.map((i) => `${i.section}: ${i.label}`)).toEqual([
      'Page: Inbox',
      'Page: Payments',
      'Page: Dashboard',
      'Page: Sessions',
      'Page: Replay',
      'Page: Audit',
      'Page: Import',
      'Page: Settings',
      'Saved view: Forged Paychant',
      'Saved view: Stuck payments',
      'Action: Copy link',
      'Action: Keyboard shortcuts',
    ]);
    expect(items.find((i) => i.label === 'Forged Paychant')!.action).toEqual({ kind: 'navigate', href: '#/inbox?provider=paychant&verification=invalid' });
    expect(items.find((i) => i.label === 'Stuck payments')!.detail).toBe('pending · “FRG7”');
  });

  it('offers Verify again and Replay… for the delivery on its page or selected in the inbox, and no link copy on the desktop', () => {
    for (const route of [parseRoute('#/deliveries/dlv_9'), parseRoute('#/inbox?provider=paychant&selected=dlv_9')]) {
      const actions = paletteItems({ route, views: [], canCopyLink: false }).filter((i) => i.section === 'Action');
      expect(actions.map((i) => [i.label, i.action])).toEqual([
        ['Verify again', { kind: 'verify', deliveryId: 'dlv_9' }],
        ['Replay…', { kind: 'replay', deliveryId: 'dlv_9' }],
        ['Keyboard shortcuts', { kind: 'shortcuts' }],
      ]);
    }
  });

  it('on a filtered inbox with nothing selected, Replay… replays what the view matches; not on the whole inbox', () => {
    const filtered = paletteItems({ route: parseRoute('#/inbox?provider=paychant&q=FRG7'), views: [], canCopyLink: true });
    expect(filtered.find((i) => i.label === 'Replay…')!.action).toEqual({ kind: 'navigate', href: '#/replay?provider=paychant&q=FRG7' });
    expect(paletteItems({ route: parseRoute('#/inbox'), views: [], canCopyLink: true }).some((i) => i.label === 'Replay…')).toBe(false);
  });

  it('turns text that matches nothing into a search of the inbox', () => {
    expect(searchItem('  order-7781 ')).toMatchObject({ label: 'Search deliveries for “order-7781”', action: { kind: 'search', q: 'order-7781' } });
    expect(searchItem('  ')).toBeNull();
  });

  it('offers the Payments page after the inbox, and first when “pay” is typed', () => {
    const items = paletteItems({ route: parseRoute('#/dashboard'), views, canCopyLink: true });
    expect(items.find((i) => i.label === 'Payments')!.action).toEqual({ kind: 'navigate', href: '#/payments' });
    expect(paletteOptions('pay', items).map((i) => i.label)[0]).toBe('Payments');
  });

  it('offers the payment timeline of text that looks like an id, after searching for it', () => {
    expect(looksLikeId('7CMJS1Q9')).toBe(true);
    expect(looksLikeId('order-7781')).toBe(true);
    for (const text of ['pay', 'settings', 'ab12', 'order 7781']) expect(looksLikeId(text)).toBe(false);
    expect(timelineItem(' 7CMJS1Q90GS79AB ')).toMatchObject({
      label: 'Open payment timeline for “7CMJS1Q90GS79AB”',
      action: { kind: 'navigate', href: '#/timeline/7CMJS1Q90GS79AB' },
    });
    expect(timelineItem('replay')).toBeNull();
    const items = paletteItems({ route: parseRoute('#/dashboard'), views, canCopyLink: true });
    expect(paletteOptions('7CMJS1Q9', items).map((i) => i.id)).toEqual(['search', 'timeline']);
    expect(paletteOptions('replay', items).map((i) => i.id)).not.toContain('timeline');
  });

  it('offers no Replay… to a role that may not replay', () => {
    const route = parseRoute('#/inbox?provider=paychant&selected=dlv_9');
    expect(paletteItems({ route, views: [], canCopyLink: true, canReplay: false }).map((i) => i.label)).not.toContain('Replay…');
    expect(paletteItems({ route: parseRoute('#/inbox?provider=paychant'), views: [], canCopyLink: true, canReplay: false }).map((i) => i.label)).not.toContain(
      'Replay…',
    );
  });
});
