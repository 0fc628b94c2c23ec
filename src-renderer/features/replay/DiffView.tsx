import type { DiffLine } from './body-diff.js';

const MARK = { same: ' ', added: '+', removed: '-' } as const;

/** A unified diff: removed lines marked -, added +. */
export function DiffView({ lines, label }: { lines: DiffLine[] | null; label: string }) {
  if (lines === null) return <p className="muted">Too large to diff here.</p>;
  if (!lines.some((l) => l.kind !== 'same')) return <p className="muted">No changes.</p>;
  return (
    <pre className="replay-diff" aria-label={label}>
      {lines.map((line, i) => (
        <div key={i} className={`diff-${line.kind}`} data-diff={line.kind}>
          {MARK[line.kind]} {line.text}
        </div>
      ))}
    </pre>
  );
}
