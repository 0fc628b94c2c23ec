import { Empty } from '../../ui/States.js';

// Placeholder until the dashboard feature lands.
export function DashboardPage() {
  return <Empty>The dashboard is not built yet.</Empty>;
}
