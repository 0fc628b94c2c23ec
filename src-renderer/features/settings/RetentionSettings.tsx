import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { useConfigureRetention, usePruneNow, useRetentionPreview, useRetentionStatus } from './useRetention.js';

type Pending = { action: 'enable' | 'prune'; days: number } | null;

/** Pruning of old deliveries: off by default; turning it on or pruning now asks for confirmation first. */
export function RetentionSettings() {
  const status = useRetentionStatus();
  const configure = useConfigureRetention();
  const prune = usePruneNow();
  const [daysText, setDaysText] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const preview = useRetentionPreview(pending?.days ?? null);
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} />;
  const s = status.data;
  const text = daysText ?? String(s.days ?? 90);
  const days = /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 3650 ? Number(text) : null;

  const confirm = () => {
    if (!pending) return;
    if (pending.action === 'enable') configure.mutate({ enabled: true, days: pending.days, confirmed: true });
    else prune.mutate(pending.days);
    setPending(null);
  };

  return (
    <section className="settings" aria-label="Retention">
      <h2>Retention</h2>
      <p>
        {s.enabled && s.days !== null ? `On: deliveries older than ${s.days} days are deleted every hour.` : 'Off: every delivery is kept until you delete it.'}
        {s.running ? ' Pruning now…' : null}
      </p>
      {s.lastRun ? (
        <p>
          Last run <Time iso={s.lastRun.at} />: {s.lastRun.deleted.toLocaleString()} deleted
          {s.lastRun.compacted ? ', store compacted' : ''}.
        </p>
      ) : null}
      <label>
        Keep deliveries for (days)
        <input
          type="number"
          min={1}
          max={3650}
          name="retentionDays"
          value={text}
          onChange={(event) => setDaysText(event.target.value)}
          aria-invalid={days === null}
        />
      </label>
      <div className="row">
        {s.enabled ? (
          <button type="button" disabled={configure.isPending} onClick={() => configure.mutate({ enabled: false, days: s.days ?? days ?? 90 })}>
            Turn off
          </button>
        ) : (
          <button type="button" disabled={days === null} onClick={() => days !== null && setPending({ action: 'enable', days })}>
            Turn on…
          </button>
        )}
        <button type="button" disabled={days === null || prune.isPending} onClick={() => days !== null && setPending({ action: 'prune', days })}>
          Prune now…
        </button>
      </div>
      {pending ? (
        <ConfirmDialog
          title={pending.action === 'enable' ? 'Turn on pruning?' : 'Prune now?'}
          confirmLabel={pending.action === 'enable' ? 'Delete and turn on' : 'Delete now'}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>
            {preview.isPending
              ? 'Counting…'
              : preview.isError
                ? 'Could not count the deliveries concerned.'
                : `${preview.data.count.toLocaleString()} deliveries received before `}
            {preview.data ? <Time iso={preview.data.cutoff} mode="absolute" /> : null}
            {preview.data ? ' will be deleted for good' : null}
            {pending.action === 'enable' ? ', and every hour from now on, older ones too.' : '.'}
          </p>
        </ConfirmDialog>
      ) : null}
      {configure.isError ? <ErrorState error={configure.error} /> : null}
      {prune.isError ? <ErrorState error={prune.error} /> : null}
      {prune.data ? <p role="status">{prune.data.deleted.toLocaleString()} deliveries deleted.</p> : null}
    </section>
  );
}
