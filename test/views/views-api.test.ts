/** Saved views through serve mode's API: kept in the store for the whole team, named uniquely, audited, pushed. */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { storeBackends, type StoreBackend } from '../helpers/store-backends.js';
import type { SavedView } from '../../src-shared/contract/views.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';

const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const gw of consoles.splice(0)) await gw.close();
});
async function start(backend: StoreBackend, dataDir?: string) {
  const gw = await startTestConsole(dataDir ? { dataDir, backend } : { backend });
  consoles.push(gw);
  return gw;
}

const failedPaychant = { provider: 'paychant', verification: 'invalid', q: 'FRG7CMJS1Q90', relay: 'failed', since: '2026-05-01T00:00:00.000Z' } as const;

describe.each(storeBackends)('saved views on $name', (backend) => {
  it('saves a named filter with its search text, lists it by name and keeps it across a restart', async () => {
    const gw = await start(backend);
    const pushed: PushEvent[] = [];
    gw.gatewatch.bus.subscribe((event) => pushed.push(event));
    const saved = await gw.api<SavedView>('views.save', { name: '  Forged Paychant  ', filter: failedPaychant });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Forged Paychant', filter: failedPaychant });
    expect(saved.body.id).toMatch(/^viw_/);
    await gw.api('views.save', { name: 'all calypso', filter: { provider: 'calypso' } });
    expect(pushed.filter((e) => e.type === 'views.changed')).toHaveLength(2);
    const listed = (await gw.api<{ items: SavedView[] }>('views.list')).body.items;
    expect(listed.map((v) => v.name)).toEqual(['all calypso', 'Forged Paychant']);

    const dataDir = gw.dataDir;
    await gw.close({ keepData: true });
    consoles.splice(consoles.indexOf(gw), 1);
    const again = await start(backend, dataDir);
    expect((await again.api<{ items: SavedView[] }>('views.list')).body.items).toEqual(listed);
    await again.close({ keepData: false });
    consoles.splice(consoles.indexOf(again), 1);
  });

  it('refuses a second view of the same name whatever its case, and renames or changes a view by id', async () => {
    const gw = await start(backend);
    const first = (await gw.api<SavedView>('views.save', { name: 'Stuck', filter: { status: 'pending' } })).body;
    const clash = await gw.api<{ error: { code: string; message: string } }>('views.save', { name: 'STUCK', filter: { status: 'created' } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toBe('A view named “Stuck” exists already: choose another name.');
    const renamed = await gw.api<SavedView>('views.save', { id: first.id, name: 'STUCK pending', filter: { status: 'pending', provider: 'instap' } });
    expect(renamed.body).toMatchObject({ id: first.id, name: 'STUCK pending', filter: { status: 'pending', provider: 'instap' }, createdAt: first.createdAt });
    const gone = await gw.api<{ error: { code: string } }>('views.save', { id: 'viw_nope', name: 'x', filter: {} });
    expect(gone.status).toBe(404);
  });

  it('refuses a filter the inbox would refuse, and an empty name', async () => {
    const gw = await start(backend);
    expect((await gw.api('views.save', { name: 'x', filter: { status: 'nearly-paid' } })).status).toBe(400);
    const unnamed = await gw.api<{ error: { issues: Array<{ path: string; message: string }> } }>('views.save', { name: '   ', filter: {} });
    expect(unnamed.body.error.issues).toEqual([{ path: 'name', message: 'a view needs a name' }]);
  });

  it('deletes a view, says when there was none, and audits each change', async () => {
    const gw = await start(backend);
    const view = (await gw.api<SavedView>('views.save', { name: 'Sandbox', filter: { environment: 'sandbox' } })).body;
    await gw.api('views.save', { id: view.id, name: 'Sandbox events', filter: { environment: 'sandbox' } });
    expect((await gw.api('views.delete', { id: view.id })).body).toEqual({ deleted: true });
    expect((await gw.api('views.delete', { id: view.id })).body).toEqual({ deleted: false });
    expect((await gw.api<{ items: SavedView[] }>('views.list')).body.items).toEqual([]);
    const audit = (await gw.api<{ items: AuditEntry[] }>('audit.list', {})).body.items.filter((e) => e.action.startsWith('view.'));
    expect(audit.map((e) => [e.action, e.subject, e.summary])).toEqual([
      ['view.delete', view.id, 'Deleted the saved view “Sandbox events”.'],
      ['view.update', view.id, 'Renamed the saved view “Sandbox” to “Sandbox events”.'],
      ['view.save', view.id, 'Saved the view “Sandbox”.'],
    ]);
  });
});
