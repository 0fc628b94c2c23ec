import { hrefFor } from '../../app/router.js';
import { firstOf, type IdLookupAnswer, idMatchOf, moreHoldingWords, otherKeys, PREFIX_LIMIT, startingWords, timelineHref } from '../timeline/id-match.js';

/** How many of the keys a search starts or is inside of are named, each a link to its timeline; the rest are a link to Payments. */
const KEYS_NAMED = 3;

/**
 * What the inbox's search text turned out to be (README "Search"): a payment's key, with its
 * timeline a click away; the start or a part of ids, naming them; or of too many. Nothing for
 * words. A live region that stays in place, so that a screen reader hears what a search found.
 */
export function IdMatchNote({ q, answer, inbox }: { q: string; answer: IdLookupAnswer | null | undefined; inbox?: URLSearchParams }) {
  const match = idMatchOf(answer);
  const { named, more } = firstOf(otherKeys(match), KEYS_NAMED);
  const count = named.length + more;
  return (
    <div className="id-match-live" role="status" data-testid="id-match">
      {match ? (
        <p className="id-match">
          {match.matched ? (
            <>
              <span>
                <code>{match.matched.value}</code> is a payment’s <span className="id-match-kind">{match.matched.kind}</span>.
              </span>
              <a className="id-match-open" href={timelineHref(match.matched.value, inbox)}>
                Open payment timeline
              </a>
            </>
          ) : null}
          {named.length > 0 ? (
            <span className="id-match-starting">
              <span>
                {startingWords(count, match.matched !== null, (match.holding ?? []).length > 0)} <code>{q}</code>:
              </span>
              {named.map((key) => (
                <span key={key.value} className="id-match-key">
                  <a href={timelineHref(key.value, inbox)}>{key.value}</a> <span className="id-match-kind">{key.kind}</span>
                </span>
              ))}
              {more > 0 ? <a href={hrefFor({ page: 'payments', q })}>and {more} more</a> : null}
            </span>
          ) : null}
          {match.tooMany ? (
            <span className="id-match-starting">
              More than {PREFIX_LIMIT} {match.matched ? 'other ids' : 'ids'} start with <code>{q}</code>: type more of one to list its deliveries.
            </span>
          ) : null}
          {match.moreHolding ? <span className="id-match-starting">{moreHoldingWords(q)}</span> : null}
        </p>
      ) : null}
    </div>
  );
}
