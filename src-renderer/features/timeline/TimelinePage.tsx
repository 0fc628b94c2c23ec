import { Empty } from '../../ui/States.js';

// Placeholder until the timeline feature lands.
export function TimelinePage({ correlationKey }: { correlationKey: string }) {
  return <Empty>The payment timeline for {correlationKey} is not built yet.</Empty>;
}
