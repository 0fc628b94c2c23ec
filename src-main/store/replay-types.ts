/** Replay targets and attempts (filled in by the replay feature). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReplayStore {}
