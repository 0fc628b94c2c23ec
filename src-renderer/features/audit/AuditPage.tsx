import { Empty } from '../../ui/States.js';

// Placeholder until the audit view lands.
export function AuditPage() {
  return <Empty>The audit log view is not built yet.</Empty>;
}
