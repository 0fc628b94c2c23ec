/** The header editor's text (`Name: value` per line) to and from the call's header record. */

export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function headersToLines(headers: HeaderPairs, skip: (name: string) => boolean = () => false): string {
  return headers
    .filter(([name]) => !skip(name))
    .map(([n, v]) => `${n}: ${v}`)
    .join('\n');
}

export function linesToHeaders(text: string): { headers: Record<string, string>; errors: string[] } {
  const headers: Record<string, string> = {};
  const errors: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon).trim();
    if (colon < 0 || !TOKEN.test(name)) {
      errors.push(`line ${index + 1}: write "Name: value" with a valid header name`);
      return;
    }
    if (Object.keys(headers).some((k) => k.toLowerCase() === name.toLowerCase())) {
      errors.push(`line ${index + 1}: ${name} appears twice`);
      return;
    }
    headers[name] = line.slice(colon + 1).trim();
  });
  return { headers, errors };
}
