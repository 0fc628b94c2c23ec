import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { CopyButton } from '../../ui/CopyButton.js';

/** Headers in the order and case they arrived; the signature header is marked. */
export function HeadersTable({ headers, signatureHeader }: { headers: HeaderPair[]; signatureHeader?: string }) {
  const signature = signatureHeader?.toLowerCase();
  return (
    <table className="headers">
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={index} className={name.toLowerCase() === signature ? 'signature-header' : undefined}>
            <th>
              {name}
              {name.toLowerCase() === signature ? <span className="badge">signature</span> : null}
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
  );
}
