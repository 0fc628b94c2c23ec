/**
 * The edit of a replay shown against the original: a line diff (longest common subsequence).
 * JSON bodies are re-indented first without re-printing numbers, so a one-line webhook still
 * diffs field by field.
 */
import { prettyJson } from '../../ui/json-format.js';

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Above this many lines per side the LCS table gets too large for the renderer. */
const MAX_LINES = 3000;

export function linesOf(text: string): string[] {
  return (prettyJson(text) ?? text).split('\n');
}

export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] | null {
  if (before.length > MAX_LINES || after.length > MAX_LINES) return null;
  const n = before.length;
  const m = after.length;
  // lcs[i][j] = length of the LCS of before[i..] and after[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'removed', text: before[i++]! });
    else out.push({ kind: 'added', text: after[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', text: before[i++]! });
  while (j < m) out.push({ kind: 'added', text: after[j++]! });
  return out;
}

export function bodyDiff(original: string, edited: string): DiffLine[] | null {
  return diffLines(linesOf(original), linesOf(edited));
}

/** Header lines as `Name: value`, compared as such (order kept). */
export function headerDiff(original: ReadonlyArray<readonly [string, string]>, sent: ReadonlyArray<readonly [string, string]>): DiffLine[] | null {
  const line = ([n, v]: readonly [string, string]) => `${n}: ${v}`;
  return diffLines(original.map(line), sent.map(line));
}
