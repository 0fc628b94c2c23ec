import { describe, expect, it } from 'vitest';
import { bodyNote, bodyToSend, canPretty, startBodyEdit, switchView, typeBody } from '../../src-renderer/features/replay/body-edit.js';

const original = '{"event":"PAYMENT_COMPLETED","data":{"fiatAmount":170.00}}';

describe('the replay editor’s body', () => {
  it('sends the stored bytes while untouched, whichever view shows them', () => {
    let edit = startBodyEdit(original);
    expect(edit.text).toBe(original);
    expect(bodyToSend(edit, original)).toBeUndefined();
    edit = switchView(edit, 'pretty', original);
    expect(edit.text).toBe('{\n  "event": "PAYMENT_COMPLETED",\n  "data": {\n    "fiatAmount": 170.00\n  }\n}');
    expect(bodyToSend(edit, original)).toBeUndefined();
    expect(bodyNote(edit, original)).toMatch(/^Unchanged: the stored bytes are sent exactly/);
    expect(switchView(edit, 'raw', original).text).toBe(original);
  });

  it('sends an edit in the raw view as typed, byte for byte', () => {
    const typed = original.replace('170.00', '140.00');
    const edit = typeBody(startBodyEdit(original), typed);
    expect(bodyToSend(edit, original)).toBe(typed);
    expect(bodyNote(edit, original)).toBe('Edited: the body is sent exactly as typed.');
  });

  it('sends an edit in the pretty view re-indented, and says so', () => {
    const pretty = switchView(startBodyEdit(original), 'pretty', original);
    const edit = typeBody(pretty, pretty.text.replace('170.00', '140.00'));
    expect(bodyToSend(edit, original)).toBe('{\n  "event": "PAYMENT_COMPLETED",\n  "data": {\n    "fiatAmount": 140.00\n  }\n}');
    expect(bodyNote(edit, original)).toMatch(/re-indented; switch to Raw/);
    // Typed back to what it showed: the stored bytes go again.
    expect(bodyToSend(typeBody(pretty, pretty.text), original)).toBeUndefined();
  });

  it('keeps an edit when switching views, and stays put on text that is not JSON', () => {
    const edit = typeBody(startBodyEdit(original), '{"event":"X"}');
    expect(switchView(edit, 'pretty', original).text).toBe('{\n  "event": "X"\n}');
    const broken = typeBody(startBodyEdit(original), '{"event":');
    expect(switchView(broken, 'pretty', original)).toBe(broken);
    expect(canPretty('not json')).toBe(false);
    expect(canPretty(original)).toBe(true);
  });
});
