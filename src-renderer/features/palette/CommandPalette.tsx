import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Route } from '../../app/router.js';
import { useTransport } from '../../transport/context.js';
import { useRefusal } from '../../app/identity.js';
import { useViews } from '../views/useViews.js';
import { type PaletteAction, type PaletteItem, paletteItems, paletteOptions } from './palette-items.js';
import './palette.css';

/**
 * The command palette (Ctrl/Cmd-K): one field over the pages, the saved views and the actions
 * that fit the page, narrowed as one types. An ARIA combobox in a modal `<dialog>`: the arrows
 * move the active option, Enter runs it, Escape closes; the mouse works too.
 */
export function CommandPalette({ route, onRun, onClose }: { route: Route; onRun(action: PaletteAction): void; onClose(): void }) {
  const transport = useTransport();
  const views = useViews();
  const canReplay = useRefusal('replay.send') === null;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const items: PaletteItem[] = useMemo(() => {
    const all = paletteItems({ route, views: views.data ?? [], canCopyLink: transport.kind === 'http', canReplay });
    return paletteOptions(query, all);
  }, [route, views.data, transport.kind, canReplay, query]);
  const current = Math.min(active, items.length - 1);

  useLayoutEffect(() => {
    const dialog = dialogRef.current!;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, []);
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  });

  const run = (item: PaletteItem | undefined) => {
    if (!item) return;
    dialogRef.current?.close();
    onRun(item.action);
  };

  return (
    <dialog ref={dialogRef} className="palette" aria-label="Command palette" onClose={onClose}>
      <input
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={items.length > 0 ? optionId(current) : undefined}
        aria-label="Go to a page or a saved view, or run an action"
        placeholder="Go to a page or a saved view, or run an action…"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((current + step + items.length) % Math.max(items.length, 1));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            run(items[current]);
          } else if (event.key === 'Escape' && !dialogRef.current?.open) {
            onClose();
          }
        }}
      />
      <div id={listId} className="palette-list" role="listbox" aria-label="Pages, saved views and actions">
        {items.map((item, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the options are reached from the combobox's field (arrows, Enter); the click is for the mouse.
          <div
            key={item.id}
            id={optionId(index)}
            role="option"
            // Not in the tab order: the field keeps the focus and names the active option (aria-activedescendant).
            tabIndex={-1}
            aria-selected={index === current}
            className="palette-option"
            onMouseMove={() => index !== current && setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(item)}
          >
            <span className="palette-option-text">
              <span className="palette-label">{item.label}</span>
              {item.detail ? <span className="palette-detail">{item.detail}</span> : null}
            </span>
            <span className="palette-section">{item.section}</span>
          </div>
        ))}
      </div>
      <p className="palette-hint" aria-hidden="true">
        <kbd>↑</kbd>
        <kbd>↓</kbd> choose · <kbd>Enter</kbd> run · <kbd>Esc</kbd> close
      </p>
    </dialog>
  );
}
