import { hrefFor } from '../../app/router.js';
import { firstOf, type IdMatch, PREFIX_LIMIT, timelineChoices, timelineHref } from './id-match.js';

/** How many keys are named; past it, a link to the rest in the Payments lookup. */
const NAMED = 8;

/**
 * On a timeline whose key finds nothing: the timelines the key may have meant, the key it names
 * in its stored case and the keys it starts or is inside of, each a link. Nothing when none.
 */
export function IdSuggestionList({ text, match, inbox }: { text: string; match: IdMatch | null; inbox?: URLSearchParams | undefined }) {
  const choices = timelineChoices(match, text);
  if (match?.tooMany && choices.length === 0) {
    return (
      <p className="id-suggestions-note">
        More than {PREFIX_LIMIT} ids start with “{text}”: add more of the id to the key.
      </p>
    );
  }
  if (choices.length === 0) return null;
  const { named, more } = firstOf(choices, NAMED);
  return (
    <nav className="id-suggestions" aria-label="Payment timelines this key may mean">
      <p className="id-suggestions-note">
        {match?.matched && match.matched.value !== text
          ? 'Keys are matched exactly; did you mean:'
          : (match?.holding ?? []).length > 0
            ? `Ids that contain “${text}”:`
            : `Ids that start with “${text}”:`}
      </p>
      <ul>
        {named.map((key) => (
          <li key={key.value}>
            <a className="id-suggestion-key" href={timelineHref(key.value, inbox)}>
              {key.value}
            </a>{' '}
            <span className="muted">{key.kind}</span>
          </li>
        ))}
        {more > 0 ? (
          <li>
            <a href={hrefFor({ page: 'payments', q: text })}>and {more} more in Payments</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
