import type { VerificationResult } from '../../../src-shared/domain/verification.js';
import { VerificationBadge } from '../../ui/Badges.js';
import { Time } from '../../ui/Time.js';
import { diagnosisToShow, verificationHeadline, verificationSteps } from './verification-words.js';

/** The engine writes diagnoses as clauses ("the Sign header is not shaped like…"): shown as a sentence. */
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/** The signature check in words: outcome, recipe, what was tried, and what to do about it. */
export function VerificationPanel({ result, onReverify, reverifying }: { result: VerificationResult; onReverify?: () => void; reverifying?: boolean }) {
  const steps = verificationSteps(result);
  const diagnosis = diagnosisToShow(result);
  return (
    <section className={`panel verification-panel verification-${result.status}`} aria-label="Signature verification">
      <h3>
        Signature <VerificationBadge status={result.status} />
      </h3>
      <p className="headline" data-testid="verification-headline">
        {verificationHeadline(result)}
      </p>
      {(result.warnings ?? []).map((warning) => (
        <p key={warning} className="state state-warning" role="note" data-testid="verification-warning">
          {sentence(warning)}
        </p>
      ))}
      {diagnosis ? (
        <p className="diagnosis" data-testid="verification-diagnosis">
          {sentence(diagnosis)}
        </p>
      ) : null}
      {steps.length > 0 ? (
        <ul className="next-steps" aria-label="What to do">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ul>
      ) : null}
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
          <dt>Matched</dt>
          <dd>
            {result.matched ? (
              <>
                {result.matched}
                {result.secretLabel ? ` with the “${result.secretLabel}” secret` : ''}
              </>
            ) : (
              <span className="muted">nothing</span>
            )}
          </dd>
          {result.checkedAt ? (
            <>
              <dt>Checked</dt>
              <dd>
                <Time iso={result.checkedAt} mode="both" />
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {result.candidatesTried.length > 0 ? (
        <details>
          <summary>{result.candidatesTried.length} candidate forms tried</summary>
          <ol className="candidates">
            {result.candidatesTried.map((candidate) => (
              <li key={candidate} className={candidate === result.matched ? 'matched' : undefined}>
                {candidate}
                {candidate === result.matched ? ' ✓ matched' : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {result.assumption ? <p className="assumption">Assumption: {result.assumption}</p> : null}
      {onReverify && result.status !== 'valid' ? (
        <button type="button" onClick={onReverify} disabled={reverifying}>
          {reverifying ? 'Verifying…' : 'Verify again'}
        </button>
      ) : null}
    </section>
  );
}
