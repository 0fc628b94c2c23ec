/**
 * The replay editor's body: the stored text, shown raw or re-indented ("pretty", numbers kept as
 * received). Untouched, nothing is sent in its place: the stored bytes go exactly. Edited, the
 * text goes as typed: in the pretty view that means re-indented, and the editor says so.
 */
import { prettyJson } from '../../ui/json-format.js';

export type BodyView = 'raw' | 'pretty';

export interface BodyEdit {
  view: BodyView;
  text: string;
  /** Typed in since it opened (a view switch alone is not an edit). */
  edited: boolean;
}

export function startBodyEdit(original: string): BodyEdit {
  return { view: 'raw', text: original, edited: false };
}

/** Whether the pretty view is offered: only for a JSON body. */
export const canPretty = (text: string): boolean => prettyJson(text) !== null;

/**
 * Another view of the same body. Untouched, each view shows the stored body its way. Edited, the
 * pretty view re-indents what was typed (when it is JSON; otherwise the view stays), and the raw
 * view keeps the text as it is: it is what will be sent.
 */
export function switchView(edit: BodyEdit, view: BodyView, original: string): BodyEdit {
  if (view === edit.view) return edit;
  if (!edit.edited) return { view, edited: false, text: view === 'pretty' ? (prettyJson(original) ?? original) : original };
  if (view === 'raw') return { ...edit, view };
  const pretty = prettyJson(edit.text);
  return pretty === null ? edit : { ...edit, view, text: pretty };
}

export function typeBody(edit: BodyEdit, text: string): BodyEdit {
  return { ...edit, text, edited: true };
}

/** The text as the view shows the stored body, before any edit. */
const pristine = (view: BodyView, original: string) => (view === 'pretty' ? (prettyJson(original) ?? original) : original);

/** What goes instead of the stored bytes; undefined sends them exactly (untouched, or typed back to as it was). */
export function bodyToSend(edit: BodyEdit, original: string): string | undefined {
  if (!edit.edited || edit.text === original || edit.text === pristine(edit.view, original)) return undefined;
  return edit.text;
}

/** The line under the editor: exactly what will be sent. */
export function bodyNote(edit: BodyEdit, original: string): string {
  const sent = bodyToSend(edit, original);
  if (sent === undefined) return 'Unchanged: the stored bytes are sent exactly as received.';
  if (edit.view === 'pretty' || (prettyJson(original) !== null && sent === prettyJson(sent))) {
    return 'Edited: the body is sent as shown here, re-indented; switch to Raw to edit the received bytes instead.';
  }
  return 'Edited: the body is sent exactly as typed.';
}
