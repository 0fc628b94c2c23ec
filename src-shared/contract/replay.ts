/** Replay to staging (the replay feature fills this in). */
export const replayContract = {} as const;
