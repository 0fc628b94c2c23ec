import { formatRelative } from './format.js';

/** A time in the user's locale, relative when recent; UTC on hover. */
export function Time({ iso, relative = true }: { iso: string; relative?: boolean }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={`${date.toISOString().replace('T', ' ').replace('Z', ' UTC')}`}>
      {relative ? formatRelative(date, new Date()) : date.toLocaleString()}
    </time>
  );
}
