import { describe, expect, it } from 'vitest';
import { ImportError, parseCurlCommand } from '../../src-main/interop/import/curl-command.js';
import { curlCommand } from '../../src-renderer/features/delivery/curl.js';

const text = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString('utf8'));

describe('pasted cURL commands', () => {
  it('reads method, URL, headers in order and the exact body', () => {
    const request = parseCurlCommand(
      `curl -X POST 'https://hooks.example/webhooks/paychant?x=1' \\\n  -H 'Content-Type: application/json' \\\n  -H "X-Paychant-Signature: abc" \\\n  --data-binary '{"amount":10.50,"note":"it'\\''s"}'`,
    );
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://hooks.example/webhooks/paychant?x=1');
    expect(request.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Paychant-Signature', 'abc'],
    ]);
    expect(text(request.body)).toBe(`{"amount":10.50,"note":"it's"}`);
  });

  it("understands browser forms: $'…' quotes, joined short options, --data-raw, -d repeated, --json", () => {
    const browser = parseCurlCommand(`curl 'http://h/p' -XPUT -H$'X-Note: a\\tb' --data-raw $'{"a":"\\u00e9"}' --compressed -sS`);
    expect(browser.method).toBe('PUT');
    // curl sends a form content type with -d/--data-raw when none is given, so the import does too.
    expect(browser.headers).toEqual([
      ['X-Note', 'a\tb'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(text(browser.body)).toBe('{"a":"é"}');
    const form = parseCurlCommand('curl http://h/p -d a=1 -d b=2');
    expect(form.method).toBe('POST');
    expect(text(form.body)).toBe('a=1&b=2');
    expect(form.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
    const json = parseCurlCommand(`curl --json '{"x":1}' localhost:8787/webhooks/calypso`);
    expect(json.url).toBe('http://localhost:8787/webhooks/calypso');
    expect(json.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Accept', 'application/json'],
    ]);
    expect(parseCurlCommand('curl http://h/p').method).toBe('GET');
    expect(parseCurlCommand('curl http://h/p').body).toBeNull();
  });

  it("reads back Gatewatch's own copy-as-cURL exactly, text and binary bodies alike", () => {
    const bytes = Uint8Array.from([0x00, 0xff, 0x27, 0x5c, 0x0a, 0x80, 0x41]);
    const delivery = {
      method: 'POST',
      path: '/webhooks/instap',
      query: 'a=b',
      headers: [
        ['Host', 'x'],
        ['Content-Type', 'application/octet-stream'],
        ['X-Sig', "q'uote"],
      ] as Array<[string, string]>,
      body: null,
      bodyBase64: Buffer.from(bytes).toString('base64'),
    };
    const binary = parseCurlCommand(curlCommand(delivery, 'http://127.0.0.1:8787'));
    expect(Buffer.from(binary.body!).equals(Buffer.from(bytes))).toBe(true);
    expect(binary.url).toBe('http://127.0.0.1:8787/webhooks/instap?a=b');
    expect(binary.headers).toEqual([
      ['Content-Type', 'application/octet-stream'],
      ['X-Sig', "q'uote"],
    ]);
    const body = '{"n":1.10,"s":"line\\nbreak \'q\' $HOME `x`"}\n';
    const textual = parseCurlCommand(
      curlCommand({ ...delivery, headers: [['Authorization', 'Bearer ••••abcd']], body, bodyBase64: Buffer.from(body).toString('base64') }, 'http://h'),
    );
    expect(text(textual.body)).toBe(body);
    // The "# masked" comment line is skipped; with no Content-Type given, curl sends its form default.
    expect(textual.headers).toEqual([
      ['Authorization', 'Bearer ••••abcd'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
  });

  it('refuses in words what it cannot reproduce exactly', () => {
    const refusal = (command: string) => {
      try {
        parseCurlCommand(command);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(`curl 'http://h`)).toMatch(/single quote is not closed/);
    expect(refusal('curl http://h -d @body.json')).toMatch(/reads a file.*paste the body/);
    expect(refusal('curl http://h --form a=b')).toMatch(/--form is not understood/);
    expect(refusal('curl -H "A: b"')).toMatch(/no URL/);
    expect(refusal('wget http://h')).toMatch(/not a curl command/);
    expect(refusal('curl http://h; rm -rf /')).toMatch(/paste the command alone/);
    expect(refusal('curl http://h -H nocolon')).toMatch(/"Name: value"/);
  });
});
