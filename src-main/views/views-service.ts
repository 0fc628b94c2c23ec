import { ApiError } from '../../src-shared/contract/errors.js';
import { SavedView, SavedViewFilter } from '../../src-shared/contract/views.js';
import type { PushBus } from '../events/bus.js';
import type { AuditLog } from '../services/audit.js';
import { newId } from '../store/ids.js';
import type { SavedViewRecord, SavedViewStore } from '../store/views-types.js';

export interface SaveView {
  id?: string;
  name: string;
  filter: SavedViewFilter;
}

/** Only the filters that are set: an empty value means "any" and is not kept. */
function keptFilter(filter: SavedViewFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}

/** A stored view as the console sees it; a filter a later version would refuse is narrowed, not failed. */
function viewOf(record: SavedViewRecord): SavedView {
  const filter = SavedViewFilter.safeParse(record.filter);
  return SavedView.parse({ ...record, filter: filter.success ? filter.data : {} });
}

/**
 * Saved inbox views: named filters shared by everyone on this console, in the sidebar and the
 * command palette. Every change is audited and pushed, so the other open consoles follow.
 */
export class ViewsService {
  /** Saves are applied one at a time, so two people taking the same name cannot both get it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: { store: SavedViewStore; audit: AuditLog; bus: PushBus; now?: () => Date }) {}

  async list(): Promise<SavedView[]> {
    return (await this.deps.store.list()).map(viewOf);
  }

  save(input: SaveView): Promise<SavedView> {
    const next = this.queue.then(() => this.apply(input));
    this.queue = next.catch(() => {});
    return next;
  }

  async delete(id: string): Promise<boolean> {
    const existing = await this.deps.store.get(id);
    if (!existing || !(await this.deps.store.delete(id))) return false;
    await this.deps.audit.record('view.delete', id, `Deleted the saved view “${existing.name}”.`);
    this.deps.bus.publish({ type: 'views.changed' });
    return true;
  }

  private async apply(input: SaveView): Promise<SavedView> {
    const { store } = this.deps;
    const name = input.name.trim();
    const existing = input.id === undefined ? null : await store.get(input.id);
    if (input.id !== undefined && !existing) throw new ApiError('not_found', 'That view was deleted meanwhile: save it as a new one.');
    const sameName = await store.byName(name);
    if (sameName && sameName.id !== existing?.id) {
      throw new ApiError('conflict', `A view named “${sameName.name}” exists already: choose another name.`, [{ path: 'name', message: 'this name is taken' }]);
    }
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const record: SavedViewRecord = {
      id: existing?.id ?? newId('viw'),
      name,
      filter: keptFilter(input.filter),
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    await store.put(record);
    const what = existing
      ? existing.name === name
        ? `Changed the saved view “${name}”.`
        : `Renamed the saved view “${existing.name}” to “${name}”.`
      : `Saved the view “${name}”.`;
    await this.deps.audit.record(existing ? 'view.update' : 'view.save', record.id, what, { filter: record.filter });
    this.deps.bus.publish({ type: 'views.changed' });
    return viewOf(record);
  }
}
