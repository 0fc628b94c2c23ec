/** Decodes a body as UTF-8, or null when it is not valid UTF-8 (it is then shown as hex/base64). */
export function utf8OrNull(body: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return null;
  }
}
