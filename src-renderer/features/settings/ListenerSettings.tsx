import './settings.css';
import { useState } from 'react';
import { ErrorState, Loading } from '../../ui/States.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { useConfigureListener, useListenerStatus } from './useListener.js';
import { ListenerLimitsForm } from './ListenerLimitsForm.js';
import { ListenerPortForm } from './ListenerPortForm.js';

export function ListenerSettings() {
  const status = useListenerStatus();
  const configure = useConfigureListener();
  const [publicBaseUrl, setPublicBaseUrl] = useState<string | null>(null);
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} />;
  const s = status.data;
  return (
    <section className="settings" aria-label="Webhook listener">
      <h2>Webhook listener</h2>
      <p>
        {s.listening ? 'Listening' : 'Not listening'} on <code>{s.localBaseUrl}</code> · body limit {Math.round(s.bodyLimitBytes / 1024)} KiB ·{' '}
        {s.counts.total.toLocaleString()} deliveries stored
      </p>
      {s.problem ? (
        <p className="state state-error" role="alert">
          The listener is not listening. {s.problem}
        </p>
      ) : null}
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          configure.mutate({ publicBaseUrl: (publicBaseUrl ?? s.publicBaseUrl ?? '').trim() });
        }}
      >
        <label>
          Public base URL (your tunnel, e.g. https://abc.ngrok-free.app)
          <input
            type="url"
            name="publicBaseUrl"
            value={publicBaseUrl ?? (s.publicBaseUrlSource === 'setting' ? (s.publicBaseUrl ?? '') : '')}
            placeholder={s.publicBaseUrlSource === 'ngrok' ? `${s.publicBaseUrl} (found a running ngrok)` : 'https://…'}
            onChange={(event) => setPublicBaseUrl(event.target.value)}
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={s.trustForwardedHeaders} onChange={(event) => configure.mutate({ trustForwardedHeaders: event.target.checked })} />
          The listener sits behind a tunnel: record X-Forwarded-For / -Proto / -Host
        </label>
        <button type="submit" disabled={configure.isPending}>
          Save
        </button>
        {configure.isError ? <ErrorState error={configure.error} /> : null}
      </form>
      <ListenerPortForm status={s} />
      <ListenerLimitsForm status={s} />
      <h3>URLs to paste into each provider's dashboard</h3>
      <table className="urls">
        <tbody>
          {s.urls.map((url) => (
            <tr key={url.provider}>
              <th>{url.provider}</th>
              <td>
                <code>{url.publicUrl ?? url.localUrl}</code> <CopyButton text={url.publicUrl ?? url.localUrl} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!s.publicBaseUrl ? (
        <p className="muted">
          Without a tunnel these URLs work only on this machine. Run <code>ngrok http {s.port}</code> (detected automatically) or{' '}
          <code>cloudflared tunnel --url {s.localBaseUrl}</code> and enter its URL above.
        </p>
      ) : null}
    </section>
  );
}
