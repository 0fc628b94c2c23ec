/** The benchmark's table: every figure beside its same-run baseline, as a ratio, with its target. */

export interface BenchRow {
  section: string;
  figure: string;
  measured: string;
  baseline: string;
  /** measured / baseline, or null when there is no baseline to compare with. */
  ratio: number | null;
  target: string;
  /** null: informational, no target. */
  met: boolean | null;
}

const fmtRatio = (r: number | null): string => (r === null || !Number.isFinite(r) ? '' : `${r.toFixed(2)}×`);

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['section', 'figure', 'measured', 'baseline', 'ratio', 'target', ''];
  const cells = rows.map((r) => [r.section, r.figure, r.measured, r.baseline, fmtRatio(r.ratio), r.target, r.met === null ? '' : r.met ? 'ok' : 'MISSED']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i >= 2 && i <= 4 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
/** CPU microseconds (per request, per delivery). */
export const us = (value: number): string => `${Math.round(value).toLocaleString('en')} µs`;
export const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en')}/s`;

/**
 * A figure that could not be measured in this run: why, in the measured column (e.g. "skipped: no
 * PostgreSQL"). A failure (`error` given) counts as a missed target; a skip has none.
 */
export function skippedRow(section: string, figure: string, reason: { skipped: string; error?: string }): BenchRow {
  const failed = reason.error !== undefined;
  return {
    section,
    figure: failed ? `${figure} (${reason.error})` : figure,
    measured: reason.skipped,
    baseline: '',
    ratio: null,
    target: '',
    met: failed ? false : null,
  };
}
