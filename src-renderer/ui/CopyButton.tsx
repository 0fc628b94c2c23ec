import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies text; says so when the clipboard refuses (a locked-down window, an insecure page).
 * `name`: the button's accessible name when the visible label alone would be ambiguous (one per row).
 */
export function CopyButton({ text, label = 'Copy', name }: { text: string; label?: string; name?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const show = (next: CopyState) => {
    setState(next);
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button
      type="button"
      className="copy"
      aria-label={name && state === 'idle' ? name : undefined}
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
