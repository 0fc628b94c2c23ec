import type { ReplayPreview } from '../../../src-shared/contract/replay.js';
import { keyed } from '../../ui/keys.js';

export interface ReplayEdit {
  body: string;
  headerLines: string;
}

/** Body and header editor; schema warnings come from the main process and never block a send. */
export function ReplayEditor({
  edit,
  onChange,
  warnings,
  headerErrors,
  maskedDropped,
}: {
  edit: ReplayEdit;
  onChange(edit: ReplayEdit): void;
  warnings: ReplayPreview['warnings'];
  headerErrors: string[];
  maskedDropped: string[];
}) {
  return (
    <div className="replay-editor">
      <label>
        Body
        <textarea
          aria-label="Replay body"
          spellCheck={false}
          rows={10}
          value={edit.body}
          onChange={(e) => onChange({ ...edit, body: e.target.value })}
        />
      </label>
      {warnings.length > 0 ? (
        <ul className="replay-warnings" aria-label="Schema warnings">
          {keyed(warnings, (w) => w).map(({ key, item }) => (
            <li key={key} className="state-warning">
              {item}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Matches the provider's event schema.</p>
      )}
      <label>
        Headers (one "Name: value" per line; X-Gatewatch-Replay is added)
        <textarea
          aria-label="Replay headers"
          spellCheck={false}
          rows={6}
          value={edit.headerLines}
          onChange={(e) => onChange({ ...edit, headerLines: e.target.value })}
        />
      </label>
      {maskedDropped.length > 0 ? (
        <p className="muted">Left out because only their masked value is shown here: {maskedDropped.join(', ')}. Type them in to send them.</p>
      ) : null}
      {keyed(headerErrors, (e) => e).map(({ key, item }) => (
        <p key={key} className="state-error">
          {item}
        </p>
      ))}
    </div>
  );
}
