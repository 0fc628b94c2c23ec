/** Provider credentials and webhook secrets. */
export function ProviderSettings() {
  return null;
}
