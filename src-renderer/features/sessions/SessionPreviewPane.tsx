import type { SessionPreview } from '../../../src-shared/contract/sessions.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { HttpExchangeView } from './HttpExchangeView.js';
import { previewBlockedBy, type FieldView } from './form-model.js';

/** Beside the form: exactly what will be sent, and where, as the fields are filled in. */
export function SessionPreviewPane({
  preview,
  pending,
  error,
  fields,
}: {
  preview: SessionPreview | undefined;
  pending: boolean;
  error: unknown;
  fields: FieldView[];
}) {
  const blocked = error ? previewBlockedBy(error, fields) : null;
  return (
    <section className="session-preview" aria-label="Request preview" aria-live="polite">
      {preview && !error ? (
        <>
          <h3>
            Exactly what will be sent to <span className="session-environment">{preview.environment}</span>
          </h3>
          {preview.link ? (
            <p>
              No server call: this link is recorded. <code className="wrap">{preview.link}</code>
            </p>
          ) : null}
          <HttpExchangeView request={preview.request} />
          {preview.notes.length > 0 ? (
            <ul className="notes">
              {preview.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          {preview.recentIdentical.length > 0 ? (
            <p className="state state-warning" role="note" data-testid="duplicate-warning">
              An identical payload was sent to this provider <Time iso={preview.recentIdentical[0]!.createdAt} /> (
              <a href={`#/sessions/${preview.recentIdentical[0]!.id}`}>{preview.recentIdentical[0]!.id}</a>). Sending again may create a second payment.
            </p>
          ) : null}
        </>
      ) : (
        <>
          <h3>The request</h3>
          {blocked ? <p className="muted">{blocked}</p> : error ? <ErrorState error={error} /> : pending ? <Loading label="Building the request…" /> : null}
        </>
      )}
    </section>
  );
}
