import { useState, type FormEvent } from 'react';
import { providerIds, type ProviderId } from '../../../src-shared/domain/provider.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { hrefFor } from '../../app/router.js';
import { useImportDeliveries } from './useImport.js';
import { useRefusal } from '../../app/identity.js';
import { RoleNotice } from '../../ui/RoleNotice.js';
import './interop.css';

type Source = 'curl' | 'har';

/**
 * Brings a request made elsewhere into the console: a pasted cURL command (a browser's "Copy as
 * cURL", Postman's, Gatewatch's own) or a HAR file. Each becomes a delivery flagged as imported,
 * verified and correlated like a received one, so it can be put on a timeline and replayed.
 */
export function ImportPage() {
  const [source, setSource] = useState<Source>('curl');
  const [curl, setCurl] = useState('');
  const [har, setHar] = useState<{ name: string; text: string } | null>(null);
  const [provider, setProvider] = useState<ProviderId | ''>('');
  const importing = useImportDeliveries();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = source === 'curl' ? { curl } : { har: har?.text ?? '', fileName: har?.name };
    importing.mutate({ ...input, ...(provider ? { provider } : {}) });
  };
  const ready = source === 'curl' ? curl.trim() !== '' : har !== null;
  const result = importing.data;
  const refusal = useRefusal('deliveries.import');
  if (refusal) {
    return (
      <section className="import-page" aria-label="Import">
        <h2>Import a request</h2>
        <RoleNotice>{refusal}</RoleNotice>
      </section>
    );
  }

  return (
    <section className="import-page" aria-label="Import">
      <h2>Import a request</h2>
      <p className="muted">
        A pasted cURL command or a HAR file becomes a stored delivery, flagged as imported with where it came from. The signature is checked with the provider’s
        secrets, and it can be put on a timeline and replayed like any delivery.
      </p>
      <form onSubmit={submit}>
        <fieldset className="import-source">
          <legend>From</legend>
          <label>
            <input type="radio" name="import-source" checked={source === 'curl'} onChange={() => setSource('curl')} /> a cURL command
          </label>
          <label>
            <input type="radio" name="import-source" checked={source === 'har'} onChange={() => setSource('har')} /> a HAR file
          </label>
        </fieldset>
        {source === 'curl' ? (
          <label className="import-field">
            cURL command
            <textarea
              value={curl}
              onChange={(e) => setCurl(e.target.value)}
              rows={8}
              spellCheck={false}
              placeholder="curl -X POST 'https://…/webhooks/paychant' -H 'Content-Type: application/json' --data-raw '{…}'"
            />
          </label>
        ) : (
          <label className="import-field">
            HAR file
            <input
              type="file"
              accept=".har,application/json"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return setHar(null);
                void file.text().then((text) => setHar({ name: file.name, text }));
              }}
            />
          </label>
        )}
        <label className="import-field">
          Provider, when the URL’s path does not name one
          <select value={provider} onChange={(e) => setProvider(e.target.value as ProviderId | '')}>
            <option value="">from the path (/webhooks/&lt;provider&gt;)</option>
            {providerIds.map((id) => (
              <option key={id} value={id}>
                {providerCatalogue[id].displayName}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!ready || importing.isPending}>
          {importing.isPending ? 'Importing…' : 'Import'}
        </button>
      </form>
      {importing.error ? (
        <p className="state state-error" role="alert">
          {importing.error.message}
        </p>
      ) : null}
      {result ? (
        <div className="import-result" role="status">
          <p>
            Imported {result.imported.length} {result.imported.length === 1 ? 'delivery' : 'deliveries'}
            {result.skipped.length > 0 ? `; ${result.skipped.length} HAR ${result.skipped.length === 1 ? 'entry was' : 'entries were'} skipped` : ''}.
          </p>
          <ul>
            {result.imported.map((d) => (
              <li key={d.id}>
                <a href={hrefFor({ page: 'delivery', id: d.id })}>
                  {d.method} {d.url}
                </a>{' '}
                <span className="muted">
                  ({d.provider}, {d.id})
                </span>
              </li>
            ))}
            {result.skipped.map((s) => (
              <li key={`skipped-${s.entry}`} className="muted">
                Entry {s.entry + 1} skipped: {s.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
