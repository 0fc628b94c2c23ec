/** Payment sessions created by hand (filled in by the sessions feature). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SessionStore {}
