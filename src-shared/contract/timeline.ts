/** Payment timelines and the dashboard (the support-console feature fills this in). */
export const timelineContract = {} as const;
