import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text; says so when the clipboard refuses (a locked-down window, an insecure page). */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const show = (next: CopyState) => {
    setState(next);
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button
      type="button"
      className="copy"
      title={state === 'failed' ? 'The clipboard refused: select the text and copy it by hand' : undefined}
      onClick={() => {
        if (!navigator.clipboard) return show('failed');
        navigator.clipboard.writeText(text).then(
          () => show('copied'),
          () => show('failed'),
        );
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
