import { z } from 'zod';
import { DeliveriesListInput } from './deliveries.js';

/** The inbox filter a view keeps: every filter, the search text included. */
export const SavedViewFilter = DeliveriesListInput.pick({
  provider: true,
  eventType: true,
  status: true,
  verification: true,
  environment: true,
  relay: true,
  q: true,
  since: true,
  until: true,
});
export type SavedViewFilter = z.infer<typeof SavedViewFilter>;

export const SavedViewName = z.string().trim().min(1, 'a view needs a name').max(80, 'a view’s name has at most 80 characters');

/** A named inbox filter, kept by the console so the whole team sees it, in any browser. */
export const SavedView = z.object({
  id: z.string(),
  name: z.string(),
  filter: SavedViewFilter,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof SavedView>;

export const SaveViewInput = z.object({
  /** Given: that view is renamed or its filter replaced. Absent: a new view. */
  id: z.string().max(100).optional(),
  name: SavedViewName,
  filter: SavedViewFilter,
});

export const viewsContract = {
  'views.list': { input: z.object({}).default({}), output: z.object({ items: z.array(SavedView) }), role: 'viewer' },
  /** Names are unique, whatever their case: a second view of the same name is refused in words. */
  'views.save': { input: SaveViewInput, output: SavedView, role: 'operator' },
  'views.delete': { input: z.object({ id: z.string().max(100) }), output: z.object({ deleted: z.boolean() }), role: 'operator' },
} as const;
