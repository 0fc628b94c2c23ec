import type { ReactNode } from 'react';
import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useReplayTargets } from './useReplay.js';

/** Loading, error and "no targets yet" states; the children get the saved targets. */
export function WithReplayTargets({ children }: { children: (targets: ReplayTargetView[]) => ReactNode }) {
  const targets = useReplayTargets();
  if (targets.isPending) return <Loading label="Loading replay targets…" />;
  if (targets.isError) return <ErrorState error={targets.error} />;
  if (targets.data.targets.length === 0) {
    return (
      <p className="muted">
        No replay targets yet: add one under <a href="#/settings">Settings</a>.
      </p>
    );
  }
  return <>{children(targets.data.targets)}</>;
}

/** The saved targets to pick from; `id` lets a visible <label htmlFor> point at it. */
export function TargetSelect({
  id,
  targets,
  value,
  onChange,
  label,
}: {
  id?: string;
  targets: ReplayTargetView[];
  value: string;
  onChange(id: string): void;
  label: string;
}) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {targets.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name} — {t.url}
        </option>
      ))}
    </select>
  );
}
