import { CopyButton } from '../../ui/CopyButton.js';
import type { DiffLine, TextDiff } from './body-diff.js';

const MARK = { same: ' ', added: '+', removed: '-' } as const;

/** A unified diff: hunks of removed (-) and added (+) lines, the changed words marked, and the patch to copy. */
export function DiffView({ diff, label }: { diff: TextDiff; label: string }) {
  if (diff.status === 'too-large') return <p className="muted">Too many changes to diff here.</p>;
  if (diff.status === 'same') return <p className="muted">No changes.</p>;
  return (
    <figure className="replay-diff" aria-label={label}>
      <figcaption>
        <span className="muted">
          {diff.removed} {diff.removed === 1 ? 'line' : 'lines'} removed, {diff.added} added
        </span>
        <CopyButton text={diff.patch} label="Copy patch" />
      </figcaption>
      <pre>
        {diff.hunks.map((hunk) => (
          <span key={hunk.header} className="diff-hunk-group">
            <span className="diff-hunk">{hunk.header}</span>
            {hunk.lines.map((line) => (
              <DiffLineView key={line.key} line={line} />
            ))}
          </span>
        ))}
      </pre>
    </figure>
  );
}

function DiffLineView({ line }: { line: DiffLine }) {
  const Mark = line.kind === 'added' ? 'ins' : 'del';
  return (
    <span className={`diff-line diff-${line.kind}`} data-diff={line.kind}>
      {MARK[line.kind]}
      {line.segments.map((s) =>
        s.changed ? (
          <Mark key={s.at} className="diff-word">
            {s.text}
          </Mark>
        ) : (
          <span key={s.at}>{s.text}</span>
        ),
      )}
    </span>
  );
}
