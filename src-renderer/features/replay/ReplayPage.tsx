import { Empty } from '../../ui/States.js';

// Placeholder until the replay feature lands.
export function ReplayPage(_props: { params: URLSearchParams }) {
  return <Empty>Replay is not built yet.</Empty>;
}
