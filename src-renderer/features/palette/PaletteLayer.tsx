import { useEffect, useRef, useState } from 'react';
import type { Route } from '../../app/router.js';
import { isShortcut } from '../../ui/shortcuts.js';
import { CommandPalette } from './CommandPalette.js';
import { ShortcutsSheet } from './ShortcutsSheet.js';
import { usePaletteRunner } from './usePaletteRunner.js';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Ctrl/Cmd-K opens the command palette from anywhere, `?` the shortcuts (not while typing); both stay out of another dialog's way. */
export function PaletteLayer({ route }: { route: Route }) {
  const [open, setOpen] = useState<'palette' | 'shortcuts' | null>(null);
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const say = (words: string) => {
    setStatus(words);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), 4000);
  };
  const run = usePaletteRunner(say, () => setOpen('shortcuts'));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (isShortcut(event, 'palette')) {
        event.preventDefault();
        setOpen('palette');
      } else if (isShortcut(event, 'shortcuts') && !TYPING.has(document.activeElement?.tagName ?? '')) {
        event.preventDefault();
        setOpen('shortcuts');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return (
    <>
      {open === 'palette' ? (
        <CommandPalette
          route={route}
          onClose={() => setOpen((current) => (current === 'palette' ? null : current))}
          onRun={(action) => {
            setOpen(null);
            run(action);
          }}
        />
      ) : null}
      {open === 'shortcuts' ? <ShortcutsSheet onClose={() => setOpen(null)} /> : null}
      <p className="palette-status" role="status">
        {status}
      </p>
    </>
  );
}
