/**
 * Fuzzy-ish matching for the command palette: every typed character in order (a subsequence),
 * case and accents ignored; a match at a word's start, a run of consecutive characters and an
 * earlier start score higher, so "fp" finds "Forged Paychant" before "Unsigned replays".
 */

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const isWordStart = (text: string, index: number) => index === 0 || /[\s\-_./·:(“"']/.test(text[index - 1]!);

/** The match's score (higher is better) and the matched character positions; null when it does not match. */
export function matchScore(query: string, text: string): { score: number; positions: number[] } | null {
  const q = fold(query).replace(/\s+/g, '');
  if (q === '') return { score: 0, positions: [] };
  const t = fold(text);
  // A plain substring at a word start beats any scattered match.
  const whole = t.indexOf(q);
  if (whole >= 0 && isWordStart(t, whole)) {
    return { score: 1000 - whole, positions: Array.from({ length: q.length }, (_, i) => whole + i) };
  }
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  for (const char of q) {
    // Prefer the next word start holding this character, else its next occurrence.
    let at = -1;
    for (let i = from; i < t.length; i++) {
      if (t[i] === char && isWordStart(t, i)) {
        at = i;
        break;
      }
    }
    const next = t.indexOf(char, from);
    if (next < 0) return null;
    if (at < 0 || (positions.length > 0 && next === positions[positions.length - 1]! + 1)) at = next;
    score += isWordStart(t, at) ? 10 : 1;
    if (positions.length > 0 && at === positions[positions.length - 1]! + 1) score += 5;
    positions.push(at);
    from = at + 1;
  }
  return { score: score - positions[0]! * 0.1, positions };
}

/**
 * The items that match, best first; ties keep their order. An item matched only by its detail
 * (a view's filter in words) comes after every item matched by its label.
 */
export function rank<T>(query: string, items: readonly T[], labelOf: (item: T) => string, detailOf?: (item: T) => string | undefined): T[] {
  if (query.trim() === '') return [...items];
  const scored: Array<{ item: T; index: number; score: number }> = [];
  items.forEach((item, index) => {
    const label = matchScore(query, labelOf(item));
    const detailText = detailOf?.(item);
    const detail = detailText ? matchScore(query, detailText) : null;
    const score = label ? label.score : detail ? detail.score - 10_000 : null;
    if (score !== null) scored.push({ item, index, score });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((entry) => entry.item);
}
