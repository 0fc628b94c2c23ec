import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import type { ConsoleTransport } from '../../src-renderer/transport/types.js';

/** Renders a page with a fresh query client (no retries: an error shows at once) and this transport. */
export function renderWith(transport: ConsoleTransport, element: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={transport}>{element}</TransportProvider>
    </QueryClientProvider>,
  );
}
