import { useQuery } from '@tanstack/react-query';
import type { DashboardRange } from '../../../src-shared/contract/timeline.js';
import { useTransport } from '../../transport/context.js';
import { useRefreshOnDeliveries } from '../timeline/useTimeline.js';

export function useDashboard(range: DashboardRange) {
  const transport = useTransport();
  useRefreshOnDeliveries('dashboard');
  return useQuery({
    queryKey: ['dashboard', range],
    queryFn: () => transport.call('dashboard.get', { range }),
    // Keep the previous chart on screen while another range loads: no layout jump.
    placeholderData: (previous) => previous,
  });
}
