import { useState } from 'react';
import { providerIds } from '../../../src-shared/domain/provider.js';
import { providerRetrySchedules } from '../../../src-shared/relay/retry-schedules.js';
import { ConsoleError } from '../../transport/types.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { ErrorState } from '../../ui/States.js';
import { routeSaveInput, type RouteFormState } from './route-form.js';
import { useSaveRoute } from './useRelay.js';

/** Adds or edits a route; a production-like destination is confirmed in a dialog first. */
export function RelayRouteForm({ initial, onDone }: { initial: RouteFormState; onDone(): void }) {
  const save = useSaveRoute();
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const set = (change: Partial<RouteFormState>) => setForm((f) => ({ ...f, ...change }));
  const submit = (confirm: boolean) => {
    const checked = routeSaveInput(form, confirm);
    if ('error' in checked) return setProblem(checked.error);
    setProblem(null);
    save.mutate(checked.input, {
      onSuccess: onDone,
      onError: (error) => {
        // The main process says when a destination needs confirming: ask, then save again.
        if (error instanceof ConsoleError && error.code === 'conflict' && error.message.startsWith('Confirm relaying')) setConfirming(error.message);
      },
    });
  };
  const documented = providerRetrySchedules[form.provider as keyof typeof providerRetrySchedules]?.pattern.kind !== 'undocumented';
  return (
    <form
      className="stack relay-route-form"
      aria-label={initial.id ? 'Edit relay route' : 'New relay route'}
      onSubmit={(event) => {
        event.preventDefault();
        submit(false);
      }}
    >
      <div className="row">
        <label>
          Provider
          <select aria-label="Route provider" value={form.provider} onChange={(e) => set({ provider: e.target.value })}>
            {providerIds.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Label <span className="muted">(optional: /webhooks/{form.provider}/label)</span>
          <input aria-label="Route label" value={form.label} placeholder="eu" onChange={(e) => set({ label: e.target.value })} />
        </label>
        <label>
          Mode
          <select aria-label="Route mode" value={form.mode} onChange={(e) => set({ mode: e.target.value as RouteFormState['mode'] })}>
            <option value="passthrough">passthrough: answer with the backend's answer</option>
            <option value="queue">queue: answer 200, deliver with retries</option>
            <option value="simulate">simulate: answer as set here, forward nothing</option>
          </select>
        </label>
      </div>
      {form.mode !== 'simulate' ? (
        <label>
          Destination (the merchant's backend)
          <input
            aria-label="Destination URL"
            type="url"
            required
            placeholder="http://127.0.0.1:3000/webhooks"
            value={form.url}
            onChange={(e) => set({ url: e.target.value })}
          />
        </label>
      ) : null}
      <div className="row">
        <label>
          Timeout (seconds)
          <input
            aria-label="Route timeout"
            type="number"
            min={0.1}
            max={120}
            step="any"
            value={form.timeoutSeconds}
            onChange={(e) => set({ timeoutSeconds: e.target.value })}
          />
        </label>
        {form.mode === 'queue' ? (
          <>
            <label>
              Concurrency
              <input aria-label="Concurrency" type="number" min={1} max={64} value={form.concurrency} onChange={(e) => set({ concurrency: e.target.value })} />
            </label>
            <label>
              Retries
              <select aria-label="Retry schedule" value={form.schedule} onChange={(e) => set({ schedule: e.target.value as RouteFormState['schedule'] })}>
                <option value="default">10 s, 30 s, 1 min, 5 min, 15 min, 1 h, then hourly to 24 h</option>
                <option value="provider" disabled={!documented}>
                  the provider's own schedule{documented ? '' : ' (not documented)'}
                </option>
                <option value="custom">my own delays</option>
              </select>
            </label>
          </>
        ) : null}
      </div>
      {form.mode === 'queue' && form.schedule === 'custom' ? (
        <label>
          Delays between tries (seconds, comma separated)
          <input aria-label="Custom delays" value={form.customDelays} placeholder="10, 60, 600" onChange={(e) => set({ customDelays: e.target.value })} />
        </label>
      ) : null}
      {form.mode === 'simulate' ? (
        <fieldset className="relay-simulate">
          <legend>Simulated answer</legend>
          <div className="row">
            <label>
              Status
              <input
                aria-label="Simulated status"
                type="number"
                min={100}
                max={599}
                value={form.simStatus}
                disabled={form.simNoAnswer}
                onChange={(e) => set({ simStatus: e.target.value })}
              />
            </label>
            <label>
              For the next N deliveries <span className="muted">(empty: always)</span>
              <input aria-label="Fail the next" type="number" min={1} value={form.simFailNext} onChange={(e) => set({ simFailNext: e.target.value })} />
            </label>
            <label>
              Delay (ms)
              <input
                aria-label="Simulated delay"
                type="number"
                min={0}
                max={120000}
                value={form.simDelayMs}
                onChange={(e) => set({ simDelayMs: e.target.value })}
              />
            </label>
          </div>
          <label>
            Body
            <input
              aria-label="Simulated body"
              value={form.simBody}
              disabled={form.simNoAnswer}
              placeholder='{"error":"simulated"}'
              onChange={(e) => set({ simBody: e.target.value })}
            />
          </label>
          <label className="inline">
            <input type="checkbox" checked={form.simNoAnswer} onChange={(e) => set({ simNoAnswer: e.target.checked })} /> Time out: answer nothing, close the
            connection after the delay (or the timeout)
          </label>
        </fieldset>
      ) : null}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          Save route
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {problem ? (
        <p className="state-error" role="alert">
          {problem}
        </p>
      ) : null}
      {save.isError && !confirming ? <ErrorState error={save.error} /> : null}
      {confirming ? (
        <ConfirmDialog
          title="Relay production traffic there?"
          confirmLabel="Save and relay"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            submit(true);
          }}
        >
          {confirming}
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
