/** Session-creation settings (currency lists, link templates, auth mode). */
export function SessionSettings() {
  return null;
}
