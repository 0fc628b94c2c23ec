import { useId, useState } from 'react';
import type { SavedView, SavedViewFilter } from '../../../src-shared/contract/views.js';
import { describeFilter, nameProblem, suggestedName } from './saved-views.js';
import { useSaveView } from './useViews.js';

/** Names the inbox's current filter and saves it for the team; problems are said beside the name. */
export function SaveViewForm({ filter, views, onDone }: { filter: SavedViewFilter; views: readonly SavedView[]; onDone(): void }) {
  const [name, setName] = useState(() => suggestedName(filter));
  const [tried, setTried] = useState(false);
  const save = useSaveView();
  const fieldId = useId();
  const problemId = useId();
  const problem = (tried ? nameProblem(name, views) : null) ?? (save.isError ? save.error.message : null);
  return (
    <form
      className="save-view"
      aria-label="Save this view"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (nameProblem(name, views) !== null) return;
        save.mutate({ name: name.trim(), filter }, { onSuccess: onDone });
      }}
    >
      <label htmlFor={fieldId}>Name</label>
      <input
        id={fieldId}
        // biome-ignore lint/a11y/noAutofocus: the form opens on a click of "Save this view…", to type its name at once.
        autoFocus
        value={name}
        maxLength={120}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => {
          setName(event.target.value);
          save.reset();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onDone();
          }
        }}
      />
      <p className="muted save-view-filter">{describeFilter(filter)}</p>
      {problem ? (
        <p id={problemId} className="state-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="save-view-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save view'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
