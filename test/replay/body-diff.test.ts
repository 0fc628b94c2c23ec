import { describe, expect, it } from 'vitest';
import { applyPatch } from 'diff';
import { attemptDiffs, bodyDiff, bodyTexts, headerDiff, textDiff, type DiffLine, type TextDiff } from '../../src-renderer/features/replay/body-diff.js';

const original = '{"event":"PAYMENT_COMPLETED","data":{"pid":"pid-1","fiatAmount":170.00,"id":12345678901234567890}}';
const edited = original.replace('PAYMENT_COMPLETED', 'PAYMENT_FAILED');

const changed = (diff: TextDiff) => {
  if (diff.status !== 'changed') throw new Error(`expected changes, got ${diff.status}`);
  return diff;
};
const lineText = (line: DiffLine) => line.segments.map((s) => s.text).join('');
const marked = (line: DiffLine) => line.segments.filter((s) => s.changed).map((s) => s.text);
const lines = (diff: TextDiff) => changed(diff).hunks.flatMap((h) => h.lines);

describe('bodyDiff', () => {
  it('re-indents two JSON bodies and marks the changed word inside the changed line', () => {
    const diff = changed(bodyDiff(original, edited));
    expect(diff.removed).toBe(1);
    expect(diff.added).toBe(1);
    const removed = lines(diff).filter((l) => l.kind === 'removed');
    const added = lines(diff).filter((l) => l.kind === 'added');
    expect(removed.map(lineText)).toEqual(['  "event": "PAYMENT_COMPLETED",']);
    expect(added.map(lineText)).toEqual(['  "event": "PAYMENT_FAILED",']);
    expect(removed.map(marked)).toEqual([['PAYMENT_COMPLETED']]);
    expect(added.map(marked)).toEqual([['PAYMENT_FAILED']]);
    // Numbers stay exactly as received in the context lines.
    const context = lines(diff)
      .filter((l) => l.kind === 'same')
      .map(lineText);
    expect(context).toContain('    "fiatAmount": 170.00,');
  });

  it('gives a unified patch of the re-indented bodies that applies to the original', () => {
    const diff = changed(bodyDiff(original, edited, { oldHeader: 'delivery dlv_1', newHeader: 'sent to staging' }));
    expect(diff.patch.split('\n').slice(0, 8)).toEqual([
      '--- a/body.json\tdelivery dlv_1',
      '+++ b/body.json\tsent to staging',
      '@@ -1,5 +1,5 @@',
      ' {',
      '-  "event": "PAYMENT_COMPLETED",',
      '+  "event": "PAYMENT_FAILED",',
      '   "data": {',
      '     "pid": "pid-1",',
    ]);
    const { before, after } = bodyTexts(original, edited);
    expect(applyPatch(before, diff.patch)).toBe(after);
  });

  it('keeps only the changed hunks with three lines of context', () => {
    const body = (changedAt: number[]) => `{${Array.from({ length: 60 }, (_, i) => `"k${i}":"${changedAt.includes(i) ? 'new' : 'old'}"`).join(',')}}`;
    const diff = changed(bodyDiff(body([]), body([10, 40])));
    expect(diff.hunks.map((h) => h.header)).toEqual(['@@ -9,7 +9,7 @@', '@@ -39,7 +39,7 @@']);
    expect(diff.hunks[0]!.lines.map((l) => l.kind)).toEqual(['same', 'same', 'same', 'removed', 'added', 'same', 'same', 'same']);
    const keys = diff.hunks.flatMap((h) => h.lines.map((l) => l.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('diffs the text as it is when either side is not JSON', () => {
    const diff = changed(bodyDiff(original, 'not json'));
    expect(diff.patch).toContain('--- a/body.txt');
    expect(lines(diff).map((l) => [l.kind, lineText(l)])).toEqual([
      ['removed', original],
      ['added', 'not json'],
    ]);
  });

  it('shows a change of whitespace alone rather than "no changes"', () => {
    expect(bodyDiff(original, original).status).toBe('same');
    const diff = changed(bodyDiff('{"a":1}', '{"a": 1}'));
    expect(lines(diff).map(marked)).toEqual([[], [' ']]);
  });

  it('marks words across a block of several changed lines, line by line', () => {
    const diff = changed(textDiff('a b\nc d\n', 'a x\nc y\nz\n', { oldName: 'a', newName: 'b' }));
    expect(lines(diff).map((l) => [l.kind, lineText(l), marked(l)])).toEqual([
      ['removed', 'a b', ['b']],
      ['removed', 'c d', ['d']],
      ['added', 'a x', ['x']],
      ['added', 'c y', ['y']],
      ['added', 'z', ['z']],
    ]);
  });

  it('gives up on more changed lines than the renderer should work through', () => {
    const many = (word: string) => Array.from({ length: 3000 }, (_, i) => `${word} ${i}`).join('\n');
    expect(textDiff(many('a'), many('b'), { oldName: 'a', newName: 'b' }).status).toBe('too-large');
  });
});

describe('headerDiff and attemptDiffs', () => {
  it('compares header lines in order, with a patch', () => {
    const diff = changed(
      headerDiff(
        [
          ['content-type', 'application/json'],
          ['x-a', '1'],
        ],
        [
          ['content-type', 'application/json'],
          ['x-a', '2'],
        ],
      ),
    );
    expect(diff.patch).toBe('--- a/headers.txt\n+++ b/headers.txt\n@@ -1,2 +1,2 @@\n content-type: application/json\n-x-a: 1\n+x-a: 2\n');
  });

  it('works out only what the attempt edited, and nothing without the original', () => {
    const attempt = {
      deliveryId: 'dlv_1',
      target: { id: 'rpt_1', name: 'staging', url: 'http://127.0.0.1:9/hook' },
      bodyEdited: true,
      sentBody: edited,
      headersEdited: false,
      sentHeaders: [],
    };
    const diffs = attemptDiffs(attempt, { body: original, headers: [] });
    expect(changed(diffs.body!).patch).toContain('\tsent to staging');
    expect(diffs.headers).toBeNull();
    expect(attemptDiffs({ ...attempt, bodyEdited: false }, { body: original, headers: [] }).body).toBeNull();
    expect(attemptDiffs(attempt, undefined)).toEqual({ body: null, headers: null });
  });
});
