import type { DeliveryProvider } from '../../../src-shared/domain/provider.js';
import type { VerificationResult } from '../../../src-shared/domain/verification.js';
import { signedWithSandboxSecret } from '../../../src-shared/domain/secret-environment.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { VerificationBadge } from '../../ui/Badges.js';
import { Time } from '../../ui/Time.js';
import { type CheckLine, type CheckState, nextSteps, signatureChecklist } from './signature-checklist.js';
import { diagnosisToShow, verificationHeadline } from './verification-words.js';

/** The engine writes diagnoses as clauses ("the Sign header is not shaped like…"): shown as a sentence. */
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

const MARK: Record<CheckState, { sign: string; words: string }> = {
  pass: { sign: '✓', words: 'yes' },
  fail: { sign: '✗', words: 'no' },
  skip: { sign: '–', words: 'skipped' },
  unknown: { sign: '?', words: 'not known' },
};

function Line({ line }: { line: CheckLine }) {
  const mark = MARK[line.state];
  return (
    <li className={`check check-${line.state}`} data-check={line.key}>
      <span className="check-mark" aria-hidden>
        {mark.sign}
      </span>
      <span className="visually-hidden">{mark.words}: </span>
      <span className="check-label">{line.label}</span>
      {line.detail ? <span className="check-detail"> — {line.detail}</span> : null}
      {line.items ? (
        <ul className="checklist nested">
          {line.items.map((item) => (
            <Line key={item.key} line={item} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The signature check as a checklist: header present, shaped like the digest, each secret
 * tried, each form tried; then the engine's diagnosis and next steps that fit the case.
 */
export function VerificationPanel({
  result,
  provider,
  onReverify,
  reverifying,
}: {
  result: VerificationResult;
  provider?: DeliveryProvider;
  onReverify?: () => void;
  reverifying?: boolean;
}) {
  const providerName = provider && provider !== 'unknown' ? providerCatalogue[provider].displayName : 'the provider';
  const checklist = signatureChecklist(result);
  const steps = nextSteps(result, providerName);
  const diagnosis = diagnosisToShow(result);
  const sandbox = signedWithSandboxSecret(result);
  return (
    <section className={`panel verification-panel verification-${sandbox ? 'sandbox' : result.status}`} aria-label="Signature verification">
      <h3>
        Signature <VerificationBadge status={result.status} secretLabel={result.secretLabel} />
      </h3>
      <p className="headline" data-testid="verification-headline">
        {verificationHeadline(result)}
      </p>
      {(result.warnings ?? []).map((warning) => (
        <p key={warning} className="state state-warning" role="note" data-testid="verification-warning">
          {sentence(warning)}
        </p>
      ))}
      {checklist.length > 0 ? (
        <ul className="checklist" aria-label="What was checked" data-testid="signature-checklist">
          {checklist.map((line) => (
            <Line key={line.key} line={line} />
          ))}
        </ul>
      ) : null}
      {diagnosis ? (
        <p className="diagnosis" data-testid="verification-diagnosis">
          {sentence(diagnosis)}
        </p>
      ) : null}
      {steps.length > 0 ? (
        <>
          <h4>What to do</h4>
          <ul className="next-steps" aria-label="What to do">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </>
      ) : null}
      {result.scheme ? (
        <dl className="facts">
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
      {result.assumption ? <p className="assumption">Assumption: {result.assumption}</p> : null}
      {onReverify && result.status !== 'valid' ? (
        <button type="button" onClick={onReverify} disabled={reverifying}>
          {reverifying ? 'Verifying…' : 'Verify again'}
        </button>
      ) : null}
    </section>
  );
}
