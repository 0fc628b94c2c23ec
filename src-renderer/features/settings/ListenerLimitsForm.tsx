import './listener-limits.css';
import { useState } from 'react';
import type { ListenerStatus } from '../../../src-shared/contract/listener.js';
import { ErrorState } from '../../ui/States.js';
import { formatSize } from '../dashboard/listener-words.js';
import { limitsDraft, limitsInput, type LimitsDraft } from './listener-limits-form.js';
import { useConfigureListener } from './useListener.js';

/** The per-sender rate limit and the storage quota: what keeps one sender from blocking the listener or filling the disk. */
export function ListenerLimitsForm({ status }: { status: ListenerStatus }) {
  const configure = useConfigureListener();
  const [edited, setEdited] = useState<LimitsDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const draft = edited ?? limitsDraft(status);
  const edit = (change: Partial<LimitsDraft>) => setEdited({ ...draft, ...change });
  return (
    <form
      className="stack"
      aria-label="Listener limits"
      // limitsInput says what is wrong in words; the browser's own check would stop the submit with only a tooltip.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = limitsInput(draft);
        if ('error' in parsed) {
          setProblem(parsed.error);
          return;
        }
        setProblem(null);
        configure.mutate(parsed.input, { onSuccess: () => setEdited(null) });
      }}
    >
      <h3>Limits</h3>
      <label className="inline">
        <input type="checkbox" name="rateOn" checked={draft.rateOn} onChange={(event) => edit({ rateOn: event.target.checked })} />
        Limit requests per sender (past it: 429 with Retry-After)
      </label>
      <div className="limits-rate">
        <label>
          Requests a second
          <input
            type="number"
            name="ratePerSecond"
            min={0}
            step="any"
            disabled={!draft.rateOn}
            value={draft.perSecond}
            onChange={(event) => edit({ perSecond: event.target.value })}
          />
        </label>
        <label>
          Burst
          <input
            type="number"
            name="rateBurst"
            min={1}
            step={1}
            disabled={!draft.rateOn}
            value={draft.burst}
            onChange={(event) => edit({ burst: event.target.value })}
          />
        </label>
      </div>
      <label>
        Storage quota in MiB (empty for none)
        <input
          type="number"
          name="storageQuotaMiB"
          min={1}
          step={1}
          placeholder="none"
          value={draft.quotaMiB}
          onChange={(event) => edit({ quotaMiB: event.target.value })}
        />
      </label>
      <p className="muted">
        {status.storage?.usedBytes != null ? `The store takes ${formatSize(status.storage.usedBytes)} now. ` : null}
        Past the quota, or under {formatSize(status.storage?.minFreeDiskBytes ?? 0)} free on the disk, the listener answers 507 and records the refusal without
        its body. Per sender: {status.protection.maxConnectionsPerAddress} connections at once; behind a tunnel, each forwarded sender counts apart once
        forwarded headers are trusted.
      </p>
      <button type="submit" disabled={configure.isPending}>
        Save limits
      </button>
      {problem ? (
        <p className="state state-error" role="alert">
          {problem}
        </p>
      ) : null}
      {configure.isError ? <ErrorState error={configure.error} /> : null}
    </form>
  );
}
