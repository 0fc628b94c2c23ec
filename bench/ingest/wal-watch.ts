/** Samples the size of serve mode's write-ahead log file while the bench sends traffic. */
import { statSync } from 'node:fs';

const SAMPLE_MS = 50;

export interface LogFigures {
  /** Largest log file seen, bytes. */
  maxBytes: number;
  /** Longest stretch the file stayed above the bound, seconds. */
  longestAboveSeconds: number;
  /** Seconds from the end of the traffic until the file was (and stayed) under the bound; null if it never was in the time watched. */
  underBoundAfterSeconds: number | null;
}

export class WalWatch {
  private readonly samples: Array<{ at: number; bytes: number }> = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly walFile: string) {
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
  }

  private sample(): void {
    let bytes = 0;
    try {
      bytes = statSync(this.walFile).size;
    } catch {
      // no log file: 0
    }
    this.samples.push({ at: performance.now(), bytes });
  }

  /** Figures over [from, until], `end` being when the traffic stopped. */
  figures(bound: number, from: number, end: number, until = performance.now()): LogFigures {
    const window = this.samples.filter((s) => s.at >= from && s.at <= until);
    let longest = 0;
    let aboveSince: number | null = null;
    let lastAbove: number | null = null;
    for (const s of window) {
      if (s.bytes > bound) {
        aboveSince ??= s.at;
        lastAbove = s.at;
        longest = Math.max(longest, s.at - aboveSince + SAMPLE_MS);
      } else aboveSince = null;
    }
    const last = window[window.length - 1];
    const underAfter = last && last.bytes <= bound ? Math.max(0, ((lastAbove ?? end) - end) / 1000) : null;
    return { maxBytes: Math.max(0, ...window.map((s) => s.bytes)), longestAboveSeconds: longest / 1000, underBoundAfterSeconds: underAfter };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
