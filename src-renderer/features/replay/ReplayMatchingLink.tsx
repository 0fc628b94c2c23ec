import { hrefFor } from '../../app/router.js';
import { replayParamsFor } from './bulk-form.js';

/**
 * "Replay N matching…" beside an inbox view: the replay page with every filter of that view,
 * where the count is checked again and confirmed before anything is sent. Not offered without a
 * filter (a bulk replay of everything is never meant) or when nothing is listed.
 */
export function ReplayMatchingLink({ params, total }: { params: URLSearchParams; total: number | null }) {
  const filters = replayParamsFor(params);
  if (filters.size === 0 || !total) return null;
  return (
    <a className="replay-matching" href={hrefFor({ page: 'replay', params: filters })}>
      Replay {total.toLocaleString()} matching…
    </a>
  );
}
