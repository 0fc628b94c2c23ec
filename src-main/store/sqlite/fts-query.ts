/**
 * Turns what a person typed into an FTS5 query: every word must appear, each quoted so that
 * punctuation in ids (`pid_8f2`, `0xab…`, `a@b.com`) is matched as a phrase rather than parsed
 * as FTS syntax. A trailing `*` on a word keeps its prefix meaning.
 */
export function ftsQueryFromText(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((word) => word.trim())
    .filter((word) => word.length > 0)
    .map((word) => {
      const prefix = word.endsWith('*') && word.length > 1;
      const bare = (prefix ? word.slice(0, -1) : word).replaceAll('"', '""');
      return prefix ? `"${bare}"*` : `"${bare}"`;
    });
  return terms.length > 0 ? terms.join(' ') : null;
}
