const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a body as UTF-8, or null when it is not valid UTF-8 (it is then shown as hex/base64). */
export function utf8OrNull(body: Uint8Array): string | null {
  try {
    // One decoder serves every call: a non-streaming decode keeps no state between calls.
    return utf8.decode(body);
  } catch {
    return null;
  }
}
