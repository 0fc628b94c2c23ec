/**
 * A provider API or staging service that echoes secrets back in every answer, in the forms a
 * careless real one might: plain, JSON-escaped (PHP's `\/`, `\"`, `\uXXXX`), URL-encoded (percent
 * and form, lower- and upper-case hex), base64 and base64url (alone, and inside a Basic
 * credential), in the body, in headers and in the status line. `mode` picks success (200, with
 * every id field the session clients read) or refusal (401); any path answers the same.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretEchoFake {
  baseUrl: string;
  mode: 'ok' | 'refused';
  /** How many requests were answered. */
  readonly answered: number;
  close(): Promise<void>;
}

/** A JSON string's inside, written the way PHP's json_encode does by default (`/` as `\/`, non-ASCII as `\uXXXX`). */
export function phpJsonEscaped(secret: string): string {
  return JSON.stringify(secret)
    .slice(1, -1)
    .replace(/\//g, '\\/')
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const lowerHex = (encoded: string) => encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
/** Header values are Latin-1 on the wire: only an ASCII secret is echoed there as it is. */
const headerSafe = (text: string) => (/^[\x20-\x7e]*$/.test(text) ? text : b64(text));

/** The JSON members (raw text, already escaped) that echo one secret. */
function echoMembers(secret: string, n: number): string[] {
  const form = new URLSearchParams({ key: secret }).toString();
  return [
    // As json_encode writes it: parsed, this is the secret itself.
    `"message${n}":"Invalid API key ${phpJsonEscaped(secret)}"`,
    `"plain${n}":${JSON.stringify(`key=${secret};`)}`,
    `"callback${n}":"https:\\/\\/merchant.test\\/cb?key=${encodeURIComponent(secret)}&again=${lowerHex(encodeURIComponent(secret))}&${form}"`,
    `"token${n}":"${b64(secret)}","tokenUrl${n}":"${b64url(secret)}","tokenPhp${n}":"${b64(secret).replace(/\//g, '\\/')}"`,
    `"authorization${n}":"Basic ${b64(`merchant-${n}:${secret}`)}"`,
  ];
}

export async function startSecretEchoFake(secrets: readonly string[]): Promise<SecretEchoFake> {
  let answered = 0;
  const state = { mode: 'ok' as 'ok' | 'refused' };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      answered += 1;
      const members = secrets.flatMap((s, i) => echoMembers(s, i));
      const ids = '"id":"echo-1","sessionId":"echo-1","sessionToken":"echo-1","checkOutUrl":"https://checkout.test/echo-1"';
      const states = '"sessionState":"COMPLETED","sessionStatus":"completed","state":"PAID","status":"success","hash":"0x8e3b1f0c9a7d6e5f4a3b2c1d0e9f8a7b"';
      const ok = state.mode === 'ok';
      const body = `{${ok ? `${ids},${states},` : '"error":"unauthorized",'}${members.join(',')}}`;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      secrets.forEach((s, i) => {
        headers[`x-echo-plain-${i}`] = headerSafe(s);
        headers[`x-echo-url-${i}`] = encodeURIComponent(s);
        headers[`x-echo-base64-${i}`] = b64(s);
        headers[`www-authenticate-${i}`] = `Basic ${b64(`merchant:${s}`)}`;
      });
      res.writeHead(ok ? 200 : 401, ok ? 'OK' : `Unauthorized ${headerSafe(secrets[0] ?? '')}`, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(value) {
      state.mode = value;
    },
    get answered() {
      return answered;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
