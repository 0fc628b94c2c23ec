import { useEffect, useRef } from 'react';
import { escapeLeaves } from './escape-key.js';

/** Escape on a detail page goes back to where the user came from (`leave`); see escapeLeaves. */
export function useEscapeTo(leave: () => void, enabled = true): void {
  const latest = useRef(leave);
  latest.current = leave;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!escapeLeaves(event, document.activeElement?.tagName, document.querySelector('dialog[open]') !== null)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
