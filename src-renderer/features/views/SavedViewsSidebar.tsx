import { useId, useMemo, useState } from 'react';
import type { SavedView } from '../../../src-shared/contract/views.js';
import { useTransport } from '../../transport/context.js';
import { useRefusal } from '../../app/identity.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { shareableLink } from '../../ui/share-link.js';
import { ErrorState } from '../../ui/States.js';
import { activeViewId, describeFilter, hasFilter, viewFilterOf, viewHref } from './saved-views.js';
import { SaveViewForm } from './SaveViewForm.js';
import { useDeleteView, useViews } from './useViews.js';
import './views.css';

/**
 * The team's saved views beside the inbox: each a link to its filter (search text included) that
 * opens in any tab, a copy of that link (serve mode), and deleting it; and saving the filter shown.
 */
export function SavedViewsSidebar({ params }: { params: URLSearchParams }) {
  const transport = useTransport();
  // Saving and deleting are for the roles that may (the console refuses the others anyway).
  const refusal = useRefusal('views.save');
  const views = useViews();
  const remove = useDeleteView();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const headingId = useId();
  const filter = useMemo(() => viewFilterOf(params), [params]);
  const list = views.data ?? [];
  const active = activeViewId(list, params);
  const activeView = list.find((view) => view.id === active);
  const filtered = hasFilter(filter);
  return (
    <nav className="saved-views" aria-labelledby={headingId}>
      <h2 id={headingId}>Saved views</h2>
      {refusal ? (
        <p className="muted saved-views-hint">{refusal}</p>
      ) : saving ? (
        <SaveViewForm filter={filter} views={list} onDone={() => setSaving(false)} />
      ) : (
        <>
          <button type="button" className="save-view-open" disabled={!filtered || activeView !== undefined} onClick={() => setSaving(true)}>
            Save this view…
          </button>
          <p className="muted saved-views-hint">
            {!filtered ? 'Filter or search the inbox, then save it here for the team.' : activeView ? `Shown: “${activeView.name}”.` : null}
          </p>
        </>
      )}
      {views.isError ? <ErrorState error={views.error} /> : null}
      {views.data && list.length === 0 ? <p className="muted">No saved views yet.</p> : null}
      <ul className="saved-views-list">
        {list.map((view) => (
          <li key={view.id} className={view.id === active ? 'active' : undefined}>
            <a href={viewHref(view)} aria-current={view.id === active ? 'page' : undefined}>
              <span className="saved-view-name">{view.name}</span>
              <span className="saved-view-filter">{describeFilter(view.filter)}</span>
            </a>
            <div className="saved-view-actions">
              {transport.kind === 'http' ? (
                <CopyButton text={shareableLink(window.location.href, viewHref(view))} label="Link" name={`Copy the link to “${view.name}”`} />
              ) : null}
              {refusal ? null : (
                <button type="button" aria-label={`Delete the view “${view.name}”…`} onClick={() => setDeleting(view)}>
                  Delete…
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {remove.isError ? <ErrorState error={remove.error} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete the view “${deleting.name}”?`}
          confirmLabel="Delete view"
          onConfirm={() => {
            remove.mutate(deleting.id);
            setDeleting(null);
          }}
          onCancel={() => setDeleting(null)}
        >
          <p>It goes for everyone using this console. The deliveries it shows stay.</p>
        </ConfirmDialog>
      ) : null}
    </nav>
  );
}
