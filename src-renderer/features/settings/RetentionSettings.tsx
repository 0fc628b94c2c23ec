/** Pruning of old deliveries (off by default). */
export function RetentionSettings() {
  return null;
}
