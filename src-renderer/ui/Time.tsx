import { formatRelative } from './format.js';
import { useNow } from './clock.js';

export const utcText = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', ' UTC');

/**
 * A time in the user's locale, UTC on hover. `relative`: "5 min ago" when recent;
 * `both`: relative and the locale time; `absolute`: the locale date and time. A relative time
 * keeps itself current (see clock.ts).
 */
export function Time({ iso, relative = true, mode }: { iso: string; relative?: boolean; mode?: 'relative' | 'absolute' | 'both' }) {
  const date = new Date(iso);
  const shown = mode ?? (relative ? 'relative' : 'absolute');
  const now = useNow(shown !== 'absolute');
  const rel = shown === 'absolute' ? '' : formatRelative(date, new Date(now));
  const absolute = date.toLocaleString();
  // Past a day the relative form already is the locale date: do not say it twice.
  const text = shown === 'absolute' ? absolute : rel;
  const clock = shown === 'both' && rel !== absolute ? date.toLocaleTimeString() : null;
  return (
    <time dateTime={iso} title={utcText(date)}>
      {text}
      {/* A narrow column may leave the clock time out (CSS: .time-clock). */}
      {clock ? <span className="time-clock"> · {clock}</span> : null}
    </time>
  );
}
