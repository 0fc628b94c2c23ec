import { Empty } from '../../ui/States.js';

// Placeholder until the sessions feature lands.
export function SessionsPage(_props: { params: URLSearchParams }) {
  return <Empty>Session creation is not built yet.</Empty>;
}
