/**
 * A log that says a repeated line once per window, then how often it came meanwhile. A database
 * outage makes every request fail alike (hundreds a second): the log must say so, not fill with it.
 */
export function collapseRepeats(write: (message: string) => void, windowMs = 10_000): (message: string) => void {
  const recent = new Map<string, number>();
  return (message) => {
    const seen = recent.get(message);
    if (seen !== undefined) {
      recent.set(message, seen + 1);
      return;
    }
    // Many different lines at once are written as they come: the map stays small.
    if (recent.size >= 100) return write(message);
    write(message);
    recent.set(message, 0);
    const timer = setTimeout(() => {
      const repeats = recent.get(message) ?? 0;
      recent.delete(message);
      if (repeats > 0) write(`${message} (${repeats} more times in ${Math.round(windowMs / 1000)} s)`);
    }, windowMs);
    timer.unref();
  };
}
