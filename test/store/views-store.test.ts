/** The saved-views part of the Store interface, as every backend must keep it (test/helpers/store-backends). */
import { afterEach, describe, expect, it } from 'vitest';
import { storeBackends, type OpenedStore } from '../helpers/store-backends.js';
import type { SavedViewRecord } from '../../src-main/store/views-types.js';

let opened: OpenedStore | null = null;
afterEach(async () => {
  await opened?.store.close();
  await opened?.remove();
  opened = null;
});

const view = (id: string, name: string, filter: Record<string, string> = {}): SavedViewRecord => ({
  id,
  name,
  filter,
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
});

describe.each(storeBackends)('saved views store on $name', (backend) => {
  it('keeps views with their filter, lists them by name whatever the case, finds one by name ignoring case', async () => {
    opened = await backend.open();
    const views = opened.store.views;
    await views.put(view('viw_2', 'stuck payments', { status: 'pending' }));
    await views.put(view('viw_1', 'Forged Paychant', { provider: 'paychant', verification: 'invalid', q: 'FRG7 “ref”' }));
    expect((await views.list()).map((v) => v.name)).toEqual(['Forged Paychant', 'stuck payments']);
    expect(await views.get('viw_1')).toEqual(view('viw_1', 'Forged Paychant', { provider: 'paychant', verification: 'invalid', q: 'FRG7 “ref”' }));
    expect((await views.byName('FORGED paychant'))?.id).toBe('viw_1');
    expect(await views.byName('nothing')).toBeNull();
    expect(await views.get('viw_404')).toBeNull();
  });

  it('replaces a view by its id, keeping when it was made, and refuses a second one of the same name', async () => {
    opened = await backend.open();
    const views = opened.store.views;
    await views.put(view('viw_1', 'Sandbox'));
    await views.put({
      ...view('viw_1', 'Sandbox events', { environment: 'sandbox' }),
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2026-05-02T00:00:00.000Z',
    });
    expect(await views.get('viw_1')).toEqual({ ...view('viw_1', 'Sandbox events', { environment: 'sandbox' }), updatedAt: '2026-05-02T00:00:00.000Z' });
    await expect(views.put(view('viw_2', 'SANDBOX EVENTS'))).rejects.toThrow();
    expect(await views.list()).toHaveLength(1);
  });

  it('deletes a view once', async () => {
    opened = await backend.open();
    const views = opened.store.views;
    await views.put(view('viw_1', 'x'));
    expect(await views.delete('viw_1')).toBe(true);
    expect(await views.delete('viw_1')).toBe(false);
    expect(await views.list()).toEqual([]);
  });
});
