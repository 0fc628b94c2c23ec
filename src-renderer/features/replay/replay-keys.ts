/** Query keys of the replay feature (kept here rather than in the shared query-keys file). */
export const replayKeys = {
  all: () => ['replay'] as const,
  targets: () => ['replay', 'targets'] as const,
  attempts: (filter: { deliveryId?: string; targetId?: string; jobId?: string }) => ['replay', 'attempts', filter] as const,
  allAttempts: () => ['replay', 'attempts'] as const,
  preview: (deliveryId: string, body: string | undefined) => ['replay', 'preview', deliveryId, body ?? null] as const,
  jobs: () => ['replay', 'jobs'] as const,
  bulkCount: (filter: object) => ['replay', 'bulk-count', filter] as const,
};
