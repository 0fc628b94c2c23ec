/** Manual session creation (the sessions feature fills this in). */
export const sessionsContract = {} as const;
