/** A saved inbox view as the store keeps it: the filter is JSON the service has validated. */
export interface SavedViewRecord {
  id: string;
  name: string;
  filter: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** Saved views, shared by everyone using this console. Names are unique whatever their case. */
export interface SavedViewStore {
  /** Every view, by name. */
  list(): Promise<SavedViewRecord[]>;
  get(id: string): Promise<SavedViewRecord | null>;
  /** The view of this name (case ignored), if there is one. */
  byName(name: string): Promise<SavedViewRecord | null>;
  /** Inserts, or replaces the view of the same id. */
  put(view: SavedViewRecord): Promise<void>;
  /** Whether there was such a view. */
  delete(id: string): Promise<boolean>;
}
