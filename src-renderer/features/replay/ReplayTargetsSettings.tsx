/** The allow-listed replay targets. */
export function ReplayTargetsSettings() {
  return null;
}
