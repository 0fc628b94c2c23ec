import type { HttpRequestView, HttpResponseView } from '../../../src-shared/sessions/domain.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { prettyJson } from '../../ui/json-format.js';

/** A request exactly as sent (secrets masked) and the provider's answer. */
export function HttpExchangeView({ request, response }: { request: HttpRequestView | null; response?: HttpResponseView | null }) {
  return (
    <div className="http-exchange">
      {request ? (
        <div>
          <div className="http-line">
            <code>
              {request.method} {request.url}
            </code>{' '}
            <CopyButton text={request.url} label="Copy URL" />
          </div>
          <table className="headers">
            <tbody>
              {request.headers.map(([name, value]) => (
                <tr key={name}>
                  <th>{name}</th>
                  <td>
                    <code>{value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {request.body !== null ? (
            <>
              <pre className="body" data-testid="request-body">
                {request.body}
              </pre>
              <CopyButton text={request.body} label="Copy body" />
            </>
          ) : null}
        </div>
      ) : null}
      {response ? (
        <div className="http-response">
          <div className="http-line">
            HTTP <strong>{response.status}</strong> <span className="muted">· {response.durationMs} ms</span>
          </div>
          {response.body ? (
            <pre className="body" data-testid="response-body">
              {prettyJson(response.body) ?? response.body}
            </pre>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
