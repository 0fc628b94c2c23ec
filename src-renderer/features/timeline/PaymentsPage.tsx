import { useId, useState } from 'react';
import { hrefFor, navigate } from '../../app/router.js';
import { keyToOpen, lookupKey, lookupNote, timelineChoices } from './id-match.js';
import { useIdSuggestions } from './useIdSuggestions.js';
import { RecentPayments } from './RecentPayments.js';
import './timeline.css';

/**
 * Payments: a payment's timeline from any of its ids. An ARIA combobox: as one types, the keys the
 * text names, starts or is inside of are offered (in the case they are stored in); the arrows choose one and
 * Enter opens it, or, with none chosen, the key the text names (else the text as typed: the
 * timeline takes a delivery id too). The text is the address's `q` (replaced as one types, not
 * pushed): Back from a timeline comes to the lookup as it was left, and a link can fill it in.
 */
export function PaymentsPage({ q: text }: { q: string }) {
  const [active, setActive] = useState(-1);
  const lookup = useIdSuggestions(text, { settle: true });
  const choices = timelineChoices(lookup.match);
  const chosen = active >= 0 && active < choices.length ? active : -1;
  const note = lookup.current ? lookupNote(text, lookup.match) : null;
  const listId = useId();
  const noteId = useId();
  const optionId = (index: number) => `${listId}-${index}`;
  const open = (key: string | null) => {
    if (key) navigate({ page: 'timeline', key });
  };

  return (
    <section className="payments-page" aria-labelledby={`${listId}-title`}>
      <h2 id={`${listId}-title`}>Payments</h2>
      <p className="muted payments-intro">
        Open a payment’s timeline from any of its ids: the provider’s session id, transaction id, invoice id or tx hash, your reference, or a delivery id (
        <code>dlv_…</code>). Ids are found from 6 characters of them, at their start or further in, in any case.
      </p>
      <search>
        <form
          className="payments-lookup"
          onSubmit={(event) => {
            event.preventDefault();
            open(chosen >= 0 ? choices[chosen]!.value : keyToOpen(text, lookup.current ? lookup.match : null));
          }}
        >
          <div className="payments-combo">
            <input
              role="combobox"
              aria-label="Payment id"
              aria-expanded={choices.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={chosen >= 0 ? optionId(chosen) : undefined}
              aria-describedby={noteId}
              placeholder="7CMJS1Q90GS79AB, sess_…, INV-…, 0x…"
              autoComplete="off"
              spellCheck={false}
              // biome-ignore lint/a11y/noAutofocus: the page is the lookup, opened to type an id into it.
              autoFocus
              value={text}
              onChange={(event) => {
                navigate({ page: 'payments', q: event.target.value }, true);
                setActive(-1);
              }}
              onKeyDown={(event) => {
                const next = lookupKey(event, chosen, choices.length);
                if (next === null) return;
                event.preventDefault();
                setActive(next);
              }}
            />
            <div id={listId} role="listbox" aria-label="Payment timelines" className="payments-choices" hidden={choices.length === 0}>
              {choices.map((key, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the options are reached from the combobox's field (arrows, Enter); the click is for the mouse.
                <div
                  key={key.value}
                  id={optionId(index)}
                  role="option"
                  // Not in the tab order: the field keeps the focus and names the active option (aria-activedescendant).
                  tabIndex={-1}
                  aria-selected={index === chosen}
                  className="payments-choice"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => open(key.value)}
                >
                  <span className="payments-choice-value">{key.value}</span>
                  <span className="payments-choice-kind">{key.kind}</span>
                  {index === 0 && lookup.match?.matched?.value === key.value ? <span className="payments-choice-exact">this id</span> : null}
                </div>
              ))}
            </div>
            {choices.length > 0 ? (
              <p className="payments-hint" aria-hidden="true">
                <kbd>↑</kbd>
                <kbd>↓</kbd> choose · <kbd>Enter</kbd> open its timeline
              </p>
            ) : null}
          </div>
          <button type="submit">Open timeline</button>
        </form>
      </search>
      <p id={noteId} className="payments-note" role="status">
        {lookup.error ? `The lookup failed: ${lookup.error.message}` : note}
        {note && lookup.answered ? (
          <>
            {' '}
            <a href={hrefFor({ page: 'inbox', params: new URLSearchParams({ q: lookup.answered }) })}>Search the inbox for it</a>
          </>
        ) : null}
      </p>
      {text.trim() === '' ? <RecentPayments /> : null}
    </section>
  );
}
