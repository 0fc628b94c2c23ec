/**
 * How a secret is shown anywhere (settings, request previews, masked echoes, credential
 * headers): never in full. One format for main and renderer alike, so that a masked value is
 * recognised by its leading dots wherever it turns up. Pure: no Node, no DOM.
 */

export const MASK = '••••';

/** `••••1a2b`: the last four characters only, and none at all for values shorter than 8. */
export function maskSecret(value: string): string {
  const chars = [...value];
  return chars.length < 8 ? MASK : `${MASK}${chars.slice(-4).join('')}`;
}
