import { useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTransport } from '../transport/context.js';
import { disconnectedWords } from '../transport/connection.js';
import './connection-banner.css';

const never = () => () => {};

/** While the console does not answer: one banner that says so, counts down to the next try, and retries on demand. */
export function ConnectionBanner() {
  const monitor = useTransport().connection;
  const queryClient = useQueryClient();
  const state = useSyncExternalStore(monitor?.subscribe ?? never, () => monitor?.state() ?? 'up');
  const nextAttemptAt = useSyncExternalStore(monitor?.subscribe ?? never, () => monitor?.nextAttemptAt() ?? null);
  const [now, setNow] = useState(() => Date.now());
  const [retrying, setRetrying] = useState(false);
  useEffect(() => {
    if (state === 'up') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state]);
  if (!monitor || state === 'up') return null;
  return (
    <div className="connection-banner" role="alert">
      <strong>Console disconnected.</strong> <span>{disconnectedWords(nextAttemptAt, now)}</span>{' '}
      <button
        type="button"
        disabled={retrying}
        onClick={() => {
          setRetrying(true);
          void monitor.retry().then((found) => {
            setRetrying(false);
            if (found === 'up') void queryClient.invalidateQueries();
          });
        }}
      >
        {retrying ? 'Retrying…' : 'Retry now'}
      </button>
    </div>
  );
}
