import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { isCredentialHeader } from '../../../src-shared/domain/credential-headers.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { keyed } from '../../ui/keys.js';
import { ErrorState } from '../../ui/States.js';
import { useRevealedHeaders, useRevealHeaders } from './useRevealedHeaders.js';

/**
 * Headers in the order and case they arrived; the signature header is marked. Credential values
 * (Authorization, Cookie…) come masked from the main process; the desktop app can reveal them.
 */
export function HeadersTable({ deliveryId, headers, signatureHeader }: { deliveryId: string; headers: HeaderPair[]; signatureHeader?: string }) {
  const signature = signatureHeader?.toLowerCase();
  const revealed = useRevealedHeaders(deliveryId);
  const shown = revealed ?? headers;
  const hasCredentials = headers.some(([name]) => isCredentialHeader(name));
  return (
    <>
      <table className="headers">
        <tbody>
          {keyed(shown, ([name, value]) => `${name}: ${value}`).map(({ key, item: [name, value] }) => (
            <tr key={key} className={name.toLowerCase() === signature ? 'signature-header' : undefined}>
              <th>
                {name}
                {name.toLowerCase() === signature ? <span className="badge">signature</span> : null}
                {isCredentialHeader(name) ? <span className="badge credential">{revealed ? 'credential' : 'credential · masked'}</span> : null}
              </th>
              <td>
                <code>{value}</code>
              </td>
              <td className="copy-cell">
                <CopyButton text={value} label="Copy" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasCredentials ? <CredentialReveal deliveryId={deliveryId} revealed={revealed !== null} /> : null}
    </>
  );
}

function CredentialReveal({ deliveryId, revealed }: { deliveryId: string; revealed: boolean }) {
  const { possible, reveal, hide } = useRevealHeaders(deliveryId);
  if (!possible) {
    return <p className="muted headers-note">Credential values are masked; they can be revealed only in the desktop app.</p>;
  }
  return (
    <div className="headers-note">
      {revealed ? (
        <>
          <span className="muted">Credential values shown in clear (recorded in the audit log).</span>
          <button type="button" onClick={hide}>
            Hide credential values
          </button>
        </>
      ) : (
        <>
          <span className="muted">Credential values are masked.</span>
          <button type="button" onClick={() => reveal.mutate()} disabled={reveal.isPending}>
            Reveal credential values
          </button>
        </>
      )}
      {reveal.isError ? <ErrorState error={reveal.error} /> : null}
    </div>
  );
}
