import { CopyButton } from '../../ui/CopyButton.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useListenerStatus } from '../settings/useListener.js';
import { protectionLine, storageLine, tunnelHint } from './listener-words.js';

/** Whether webhooks can arrive, and the URL to paste into each provider's dashboard. */
export function ListenerCard() {
  const status = useListenerStatus();
  const storage = status.data ? storageLine(status.data.storage) : null;
  const tunnel = status.data ? tunnelHint(status.data) : null;
  return (
    <section className="panel listener-card" aria-label="Listener">
      <h3>
        Listener{' '}
        {status.data ? (
          <span className={`badge ${status.data.listening ? 'listening' : 'stopped'}`}>{status.data.listening ? 'listening' : 'stopped'}</span>
        ) : null}
      </h3>
      {status.isPending ? (
        <Loading label="Reading the listener…" />
      ) : status.isError ? (
        <ErrorState error={status.error} />
      ) : (
        <>
          <p className="muted">
            Local <code>{status.data.localBaseUrl}</code>
            {status.data.publicBaseUrl ? (
              <>
                {' '}
                · public <code>{status.data.publicBaseUrl}</code> ({status.data.publicBaseUrlSource === 'ngrok' ? 'found a running ngrok' : 'from settings'})
              </>
            ) : (
              <>
                {' '}
                · no public URL yet: start a tunnel or set it under <a href="#/settings">Settings</a>
              </>
            )}
          </p>
          {storage ? (
            <>
              <p className={`listener-storage tone-${storage.tone}`} data-testid="listener-storage">
                {storage.tone === 'ok' ? null : <span className={`badge tone-${storage.tone}`}>{storage.tone === 'full' ? 'refusing' : 'nearly full'}</span>}
                {storage.text}
              </p>
              {storage.advice ? (
                <p className={`listener-storage-advice tone-${storage.tone}`} role={storage.tone === 'full' ? 'alert' : 'status'}>
                  {storage.advice}
                </p>
              ) : null}
            </>
          ) : null}
          <p className="muted listener-protection">{protectionLine(status.data)}</p>
          {tunnel ? (
            <p className="state-warning listener-tunnel-hint" role="status">
              {tunnel} <a href="#/settings">Open Settings</a>
            </p>
          ) : null}
          <table className="urls">
            <thead>
              <tr>
                <th>Provider</th>
                <th>URL to configure</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {status.data.urls.map((url) => (
                <tr key={url.provider}>
                  <th>{url.provider}</th>
                  <td>
                    <code>{url.publicUrl ?? url.localUrl}</code>
                    {url.publicUrl ? null : <span className="muted"> (local only)</span>}
                  </td>
                  <td className="copy-cell">
                    <CopyButton text={url.publicUrl ?? url.localUrl} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
