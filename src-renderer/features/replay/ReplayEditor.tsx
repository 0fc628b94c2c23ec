import { useId } from 'react';
import type { ReplayPreview } from '../../../src-shared/contract/replay.js';
import { keyed } from '../../ui/keys.js';
import { type BodyEdit, type BodyView, bodyNote, canPretty, switchView, typeBody } from './body-edit.js';

/**
 * The body (raw bytes as text, or re-indented) and the header lines of a replay. Schema warnings
 * come from the main process and never block a send.
 */
export function ReplayEditor({
  original,
  body,
  onBody,
  headerLines,
  onHeaderLines,
  warnings,
  headerErrors,
  maskedDropped,
}: {
  original: string;
  body: BodyEdit;
  onBody(edit: BodyEdit): void;
  headerLines: string;
  onHeaderLines(lines: string): void;
  warnings: ReplayPreview['warnings'];
  headerErrors: string[];
  maskedDropped: string[];
}) {
  const ids = { body: useId(), note: useId(), headers: useId(), headersHelp: useId() };
  const pretty = canPretty(original);
  return (
    <div className="replay-editor">
      <div className="replay-editor-head">
        <label htmlFor={ids.body}>Body</label>
        {pretty ? (
          <fieldset className="segmented">
            <legend className="visually-hidden">Body view</legend>
            {(['raw', 'pretty'] as BodyView[]).map((view) => (
              <label key={view} className={body.view === view ? 'on' : undefined}>
                <input type="radio" name={`${ids.body}-view`} checked={body.view === view} onChange={() => onBody(switchView(body, view, original))} />
                {view === 'raw' ? 'Raw' : 'Pretty'}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      <textarea
        id={ids.body}
        className="replay-body-input"
        aria-label="Replay body"
        aria-describedby={ids.note}
        spellCheck={false}
        rows={18}
        value={body.text}
        onChange={(e) => onBody(typeBody(body, e.target.value))}
      />
      <p id={ids.note} className={body.edited ? 'replay-body-note edited' : 'replay-body-note'} data-testid="replay-body-note">
        {bodyNote(body, original)}
      </p>
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
      <label htmlFor={ids.headers}>Headers</label>
      <textarea
        id={ids.headers}
        aria-label="Replay headers"
        aria-describedby={ids.headersHelp}
        spellCheck={false}
        rows={6}
        value={headerLines}
        onChange={(e) => onHeaderLines(e.target.value)}
      />
      <p id={ids.headersHelp} className="muted">
        One "Name: value" per line; X-Gatewatch-Replay is added.
        {maskedDropped.length > 0 ? ` Left out because only their masked value is shown here: ${maskedDropped.join(', ')}. Type them in to send them.` : ''}
      </p>
      {keyed(headerErrors, (e) => e).map(({ key, item }) => (
        <p key={key} className="state-error">
          {item}
        </p>
      ))}
    </div>
  );
}
