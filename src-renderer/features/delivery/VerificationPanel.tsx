import type { VerificationResult } from '../../../src-shared/domain/verification.js';
import { VerificationBadge } from '../../ui/Badges.js';

/** The signature check in words: outcome, recipe, what was tried, and what to do about it. */
export function VerificationPanel({ result }: { result: VerificationResult }) {
  return (
    <section className={`verification-panel verification-${result.status}`} aria-label="Signature verification">
      <h3>
        Signature <VerificationBadge status={result.status} />
      </h3>
      {result.diagnosis ? <p className="diagnosis">{result.diagnosis}</p> : null}
      {result.scheme ? (
        <dl className="facts">
          <dt>Header</dt>
          <dd>
            <code>{result.scheme.header}</code>
          </dd>
          <dt>Algorithm</dt>
          <dd>
            {result.scheme.algorithm}, {result.scheme.encoding}
          </dd>
          <dt>Signed content</dt>
          <dd>{result.scheme.signedContent}</dd>
          {result.matched ? (
            <>
              <dt>Matched</dt>
              <dd>
                {result.matched}
                {result.secretLabel ? ` with the “${result.secretLabel}” secret` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {result.candidatesTried.length > 0 ? (
        <details>
          <summary>{result.candidatesTried.length} candidate forms tried</summary>
          <ol>
            {result.candidatesTried.map((candidate) => (
              <li key={candidate}>{candidate}</li>
            ))}
          </ol>
        </details>
      ) : null}
      {result.assumption ? <p className="assumption">Assumption: {result.assumption}</p> : null}
    </section>
  );
}
