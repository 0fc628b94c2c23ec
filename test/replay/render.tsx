import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import { fakeTransport } from '../renderer/fake-transport.js';

/** Renders a component against a fake transport whose answers the test gives. */
export function renderWithTransport(node: ReactNode, answers: Record<string, (input: any) => unknown>): ReturnType<typeof fakeTransport> {
  const fake = fakeTransport(answers);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={fake.transport}>{node}</TransportProvider>
    </QueryClientProvider>,
  );
  return fake;
}
