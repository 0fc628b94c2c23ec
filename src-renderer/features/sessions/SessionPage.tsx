import { Empty } from '../../ui/States.js';

// Placeholder until the sessions feature lands.
export function SessionPage({ id }: { id: string }) {
  return <Empty>Session {id}: session views are not built yet.</Empty>;
}
