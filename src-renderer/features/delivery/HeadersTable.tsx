import type { HeaderPair } from '../../../src-shared/domain/delivery.js';

/** Headers in the order and case they arrived. */
export function HeadersTable({ headers }: { headers: HeaderPair[] }) {
  return (
    <table className="headers">
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={index}>
            <th>{name}</th>
            <td>
              <code>{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
