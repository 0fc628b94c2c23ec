import { useState } from 'react';
import { DEFAULT_WEBHOOK_PORT, type ListenerStatus } from '../../../src-shared/contract/listener.js';
import { ErrorState } from '../../ui/States.js';
import { useConfigureListener } from './useListener.js';

/** The port as typed (empty: the default), or what is wrong with it in words. */
export function portInput(text: string): { webhookPort: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { webhookPort: null };
  const port = Number(trimmed);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: 'The port is a whole number from 1 to 65535 (or empty for 8787).' };
  return { webhookPort: port };
}

/**
 * The listener's port. A change applies at once: the listener moves to the new port and keeps it
 * for the next starts; a port in use is refused in words and the listener stays where it was.
 */
export function ListenerPortForm({ status }: { status: ListenerStatus }) {
  const configure = useConfigureListener();
  const [edited, setEdited] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fixed = status.portFixedBy !== null;
  const draft = edited ?? (fixed ? String(status.port) : String(status.portSetting ?? ''));
  return (
    <form
      className="stack"
      aria-label="Listener port"
      // portInput says what is wrong in words; the browser's own check would only show a tooltip.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = portInput(draft);
        if ('error' in parsed) {
          setProblem(parsed.error);
          return;
        }
        setProblem(null);
        configure.mutate(parsed, { onSuccess: () => setEdited(null) });
      }}
    >
      <h3>Port</h3>
      <label>
        Port the listener takes (empty for {DEFAULT_WEBHOOK_PORT})
        <input
          type="number"
          name="webhookPort"
          min={1}
          max={65535}
          step={1}
          placeholder={String(DEFAULT_WEBHOOK_PORT)}
          disabled={fixed}
          value={draft}
          onChange={(event) => setEdited(event.target.value)}
        />
      </label>
      <p className="muted">
        {fixed
          ? `Set by ${status.portFixedBy} for this run: start Gatewatch without it to choose the port here.`
          : 'A new port applies at once: the listener moves to it (requests under way on the old one finish there) and keeps it at the next start. Point your tunnel at the new port.'}
      </p>
      <button type="submit" disabled={fixed || configure.isPending}>
        Save port
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
