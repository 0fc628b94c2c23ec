/**
 * The edit of a replay shown against the original, with jsdiff: changed lines in unified-diff
 * hunks (three lines of context), the changed words inside them marked, and the same hunks as a
 * patch to copy. When both bodies are JSON they are re-indented first without re-printing
 * numbers, so a one-line webhook still diffs field by field.
 */
import { diffWordsWithSpace, FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import type { ReplayAttempt } from '../../../src-shared/contract/replay.js';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { prettyJson } from '../../ui/json-format.js';

export type DiffKind = 'same' | 'added' | 'removed';

/** A run of text in one line; `changed` marks the words that differ from the other side. */
export interface DiffSegment {
  at: number;
  text: string;
  changed: boolean;
}

export interface DiffLine {
  /** Unique within its diff: the kind with the line numbers on each side. */
  key: string;
  kind: DiffKind;
  segments: DiffSegment[];
}

export interface DiffHunk {
  /** `@@ -start,count +start,count @@`, unique within its diff. */
  header: string;
  lines: DiffLine[];
}

export type TextDiff =
  | { status: 'same' }
  /** More changed lines than the renderer should work through. */
  | { status: 'too-large' }
  | { status: 'changed'; hunks: DiffHunk[]; patch: string; added: number; removed: number };

export interface DiffNames {
  oldName: string;
  newName: string;
  oldHeader?: string;
  newHeader?: string;
}

/** Above this many inserted plus deleted lines, Myers' algorithm is stopped (its cost grows with both sizes times the edits). */
const MAX_LINE_EDITS = 1000;
/** Word marks are only worked out for a changed block up to this size per side… */
const MAX_WORD_BLOCK = 8000;
/** …and this many inserted plus deleted words. */
const MAX_WORD_EDITS = 400;
const CONTEXT = 3;

/**
 * Both sides as they are diffed: re-indented when both are JSON (numbers kept as received), else
 * as they are; also as they are when only their whitespace differs, which re-indenting would hide.
 */
export function bodyTexts(original: string, sent: string): { before: string; after: string; json: boolean } {
  const before = prettyJson(original);
  const after = prettyJson(sent);
  const pretty = before !== null && after !== null && (before !== after || original === sent);
  return pretty ? { before, after, json: true } : { before: original, after: sent, json: false };
}

export function textDiff(before: string, after: string, names: DiffNames): TextDiff {
  if (before === after) return { status: 'same' };
  const structured = structuredPatch(names.oldName, names.newName, before, after, names.oldHeader, names.newHeader, {
    context: CONTEXT,
    maxEditLength: MAX_LINE_EDITS,
  });
  if (!structured) return { status: 'too-large' };
  if (structured.hunks.length === 0) return { status: 'same' };
  let added = 0;
  let removed = 0;
  const hunks = structured.hunks.map((hunk) => {
    const lines: DiffLine[] = [];
    let oldNo = hunk.oldStart;
    let newNo = hunk.newStart;
    let removedRun: string[] = [];
    let addedRun: string[] = [];
    let runOld = 0;
    let runNew = 0;
    const flush = () => {
      const [oldSegs, newSegs] = wordMarks(removedRun, addedRun);
      for (let i = 0; i < removedRun.length; i++) lines.push({ key: `-${runOld + i}`, kind: 'removed', segments: oldSegs[i]! });
      for (let i = 0; i < addedRun.length; i++) lines.push({ key: `+${runNew + i}`, kind: 'added', segments: newSegs[i]! });
      removed += removedRun.length;
      added += addedRun.length;
      removedRun = [];
      addedRun = [];
    };
    for (const raw of hunk.lines) {
      const mark = raw[0];
      const text = raw.slice(1);
      if (mark === '-') {
        if (addedRun.length > 0) flush();
        if (removedRun.length === 0) runOld = oldNo;
        removedRun.push(text);
        oldNo++;
      } else if (mark === '+') {
        if (addedRun.length === 0) runNew = newNo;
        addedRun.push(text);
        newNo++;
      } else if (mark === ' ') {
        flush();
        lines.push({ key: ` ${oldNo}:${newNo}`, kind: 'same', segments: [{ at: 0, text, changed: false }] });
        oldNo++;
        newNo++;
      }
      // `\ No newline at end of file` belongs to the patch, not to the view.
    }
    flush();
    return { header: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, lines };
  });
  return { status: 'changed', hunks, patch: formatPatch(structured, FILE_HEADERS_ONLY), added, removed };
}

/** The diff of a replayed body against the stored one. */
export function bodyDiff(original: string, sent: string, headers: Pick<DiffNames, 'oldHeader' | 'newHeader'> = {}): TextDiff {
  const { before, after, json } = bodyTexts(original, sent);
  const file = json ? 'body.json' : 'body.txt';
  return textDiff(before, after, { oldName: `a/${file}`, newName: `b/${file}`, ...headers });
}

/** Header lines as `Name: value`, compared as such (order kept). */
export function headerDiff(
  original: ReadonlyArray<readonly [string, string]>,
  sent: ReadonlyArray<readonly [string, string]>,
  headers: Pick<DiffNames, 'oldHeader' | 'newHeader'> = {},
): TextDiff {
  const text = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([n, v]) => `${n}: ${v}\n`).join('');
  return textDiff(text(original), text(sent), { oldName: 'a/headers.txt', newName: 'b/headers.txt', ...headers });
}

/** What an attempt changed against the stored request: null where nothing was edited or the original is unknown. */
export function attemptDiffs(
  attempt: Pick<ReplayAttempt, 'deliveryId' | 'target' | 'bodyEdited' | 'sentBody' | 'headersEdited' | 'sentHeaders'>,
  original: { body: string | null; headers: readonly HeaderPair[] } | undefined,
): { body: TextDiff | null; headers: TextDiff | null } {
  const sides = { oldHeader: `delivery ${attempt.deliveryId}`, newHeader: `sent to ${attempt.target.name}` };
  return {
    body: attempt.bodyEdited && attempt.sentBody !== null && original?.body != null ? bodyDiff(original.body, attempt.sentBody, sides) : null,
    headers: attempt.headersEdited && original ? headerDiff(original.headers, attempt.sentHeaders, sides) : null,
  };
}

/**
 * Splits a block of removed lines and the added block that replaces it into segments, marking
 * the words that differ. A block with nothing on the other side, or too large, is left unmarked
 * (the whole line is the change).
 */
function wordMarks(removed: string[], added: string[]): [DiffSegment[][], DiffSegment[][]] {
  const whole = (lines: string[]) => lines.map((text) => [{ at: 0, text, changed: false }]);
  if (removed.length === 0 || added.length === 0) return [whole(removed), whole(added)];
  const before = removed.join('\n');
  const after = added.join('\n');
  if (before.length > MAX_WORD_BLOCK || after.length > MAX_WORD_BLOCK) return [whole(removed), whole(added)];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) return [whole(removed), whole(added)];
  const oldSide = new LineBuilder();
  const newSide = new LineBuilder();
  for (const change of changes) {
    if (!change.added) oldSide.add(change.value, change.removed);
    if (!change.removed) newSide.add(change.value, change.added);
  }
  return [oldSide.done(), newSide.done()];
}

/** Collects segments into lines, splitting at newlines and merging neighbours with the same mark. */
class LineBuilder {
  private lines: DiffSegment[][] = [[]];
  private at = 0;

  add(value: string, changed: boolean): void {
    value.split('\n').forEach((part, i) => {
      if (i > 0) {
        this.lines.push([]);
        this.at = 0;
      }
      if (part === '') return;
      const line = this.lines[this.lines.length - 1]!;
      const last = line[line.length - 1];
      if (last && last.changed === changed) last.text += part;
      else line.push({ at: this.at, text: part, changed });
      this.at += part.length;
    });
  }

  done(): DiffSegment[][] {
    return this.lines.map((line) => (line.length > 0 ? line : [{ at: 0, text: '', changed: false }]));
  }
}
