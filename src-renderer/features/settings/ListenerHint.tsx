import { useListenerStatus } from './useListener.js';

/** Shown in an empty inbox: where to send webhooks. */
export function ListenerHint() {
  const status = useListenerStatus();
  const example = status.data?.urls.find((u) => u.provider === 'paychant');
  return (
    <div className="listener-hint">
      <p>No deliveries yet. Point a provider (or curl) at the listener:</p>
      {example ? (
        <pre className="copyable">{`curl -X POST ${example.publicUrl ?? example.localUrl} -H 'content-type: application/json' -d '{"event":"PAYMENT_COMPLETED"}'`}</pre>
      ) : null}
      <p>
        Every provider's URL is under <a href="#/settings">Settings</a>.
      </p>
    </div>
  );
}
